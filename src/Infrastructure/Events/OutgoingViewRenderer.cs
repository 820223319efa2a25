using System.Text.Json;
using AppBackend.Application.Common.Serialization;
using AppBackend.Application.JobApplications;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The one place where a view leaves for an event stream: the current state a stream starts with and every logged
/// view it replays or sends live pass through <see cref="Render(JobApplicationView)"/>, once per change per instance
/// (shared by every stream on the application). Whatever an outgoing view must gain that the stored one lacks is
/// done here, never in the log: a stored view is what the mapping made at commit.
/// An uploaded video's unsigned media path becomes a freshly signed URL here (<see cref="JobApplicationViewPresenter"/>).
/// </summary>
public sealed class OutgoingViewRenderer(JobApplicationViewPresenter presenter)
{
    public byte[] Render(JobApplicationView view) => JsonSerializer.SerializeToUtf8Bytes(presenter.Present(view), ViewJson.Options);

    /// <summary>A view as the log stored it.</summary>
    public byte[] Render(string storedView) =>
        Render(JsonSerializer.Deserialize<JobApplicationView>(storedView, ViewJson.Options)
            ?? throw new InvalidOperationException("A stored view is null."));
}
