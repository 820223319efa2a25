using AppBackend.Application.Common.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Uploads;

/// <summary>What the multipart form held, or why it was refused. Disposing it drops a staged video that was not committed.</summary>
internal sealed class VideoUploadForm : IAsyncDisposable
{
    public string? QuestionId { get; set; }

    public IStagedMedia? Video { get; set; }

    public ProblemHttpResult? Refusal { get; private set; }

    public VideoUploadForm Refuse(ProblemHttpResult problem)
    {
        Refusal = problem;
        return this;
    }

    public ValueTask DisposeAsync() => Video?.DisposeAsync() ?? ValueTask.CompletedTask;
}
