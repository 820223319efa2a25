namespace AppBackend.Application.JobApplications.GetApplication;

/// <summary>
/// An application's view together with the aggregate version it was read at, read in one go: the event stream
/// names each event by that version (the SSE <c>id</c>), so the two must never come from different reads.
/// </summary>
public sealed record ApplicationSnapshot(long Version, JobApplicationView View);
