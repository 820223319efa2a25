namespace AppBackend.Application.JobApplications.GetApplication;

/// <summary>
/// An application's view together with the aggregate version it was read at, read in one go: the event stream
/// names each event by that version (the SSE <c>id</c>), so the two must never come from different reads.
/// <see cref="View"/> is the stored view (an upload's URL is its unsigned media path): present it with
/// <see cref="JobApplicationViewPresenter"/> before it leaves.
/// </summary>
public sealed record ApplicationSnapshot(long Version, JobApplicationView View);
