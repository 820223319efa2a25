using AppBackend.Application.Common.Ports.AnalysisBackend;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>Answers every dispatch with a scripted answer and records the calls; <see cref="WhileInFlight"/> runs during a call.</summary>
internal sealed class ScriptedAnalysisBackend : IAnalysisBackend
{
    private readonly List<(AnalysisRequest Request, string IdempotencyKey)> _calls = [];

    /// <summary>The answer for every call; by default an acceptance with one job per video sent, named by id.</summary>
    public Func<AnalysisRequest, DispatchAnswer> Answer { get; set; } = AcceptEveryVideo;

    /// <summary>Runs while the call is in flight, to let another writer act between the handler's read and its save.</summary>
    public Action? WhileInFlight { get; set; }

    public IReadOnlyList<(AnalysisRequest Request, string IdempotencyKey)> Calls => _calls;

    public static string JobIdFor(string videoResponseId) => $"bull-{videoResponseId}";

    public static DispatchAnswer AcceptEveryVideo(AnalysisRequest request) =>
        new DispatchAnswer.Accepted([.. request.VideoResponses.Select(v => new AcceptedJob(JobIdFor(v.VideoResponseId), v.VideoResponseId))]);

    public Task<DispatchAnswer> StartAnalysisAsync(AnalysisRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        _calls.Add((request, idempotencyKey));
        WhileInFlight?.Invoke();
        return Task.FromResult(Answer(request));
    }

    public Task<JobStatusReport?> GetJobStatusAsync(string jobId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by the dispatch handler.");
}
