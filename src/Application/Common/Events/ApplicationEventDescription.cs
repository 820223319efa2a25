using System.Text.Json.Nodes;
using AppBackend.Domain.JobApplications;
using AppBackend.Domain.JobApplications.Events;

namespace AppBackend.Application.Common.Events;

/// <summary>
/// A domain event as the history tells it: its <see cref="ApplicationEventTypes">type</see> and the details an operator
/// needs (job ids, the AI backend's answer, the failure reason, the score). Nothing secret is in a domain event, and
/// nothing here adds any.
/// </summary>
public sealed record ApplicationEventDescription(string Type, JsonObject Details)
{
    public static ApplicationEventDescription Of(JobApplicationEvent change) => change switch
    {
        ApplicationCreated e => new(ApplicationEventTypes.Created, new JsonObject { ["interviewId"] = e.InterviewId }),
        VideoResponseAdded { ReplacedVideoResponseId: null } e => new(ApplicationEventTypes.VideoAdded, Video(e)),
        VideoResponseAdded e => new(ApplicationEventTypes.VideoReplaced, Video(e)),
        ApplicationSubmitted e => new(
            ApplicationEventTypes.Submitted,
            new JsonObject { ["dispatchAttempt"] = e.DispatchAttempt, ["videoCount"] = e.VideoCount }),
        DispatchAccepted e => new(ApplicationEventTypes.DispatchAccepted, new JsonObject
        {
            ["dispatchAttempt"] = e.DispatchAttempt,
            ["jobs"] = new JsonArray([.. e.Jobs.Select(j => new JsonObject { ["videoResponseId"] = j.VideoResponseId, ["jobId"] = j.JobId })]),
        }),
        DispatchFailed e => new(ApplicationEventTypes.DispatchFailed, new JsonObject
        {
            ["dispatchAttempt"] = e.DispatchAttempt,
            ["answer"] = e.Answer,
            ["failureReason"] = e.Reason,
        }),
        AnalysisResultApplied e => new(ApplicationEventTypes.ResultApplied, new JsonObject
        {
            ["jobId"] = e.JobId,
            ["videoResponseId"] = e.VideoResponseId,
            ["answer"] = e.Outcome == AnalysisOutcome.Done ? "done" : "failed",
            ["overallScore"] = e.OverallScore,
            ["aiAnalysisId"] = e.AiAnalysisId,
            ["error"] = e.Error,
        }),
        RetryRequested e => new(ApplicationEventTypes.RetryRequested, new JsonObject
        {
            ["dispatchAttempt"] = e.DispatchAttempt,
            ["videoResponseIds"] = new JsonArray([.. e.VideoResponseIds.Select(id => JsonValue.Create(id))]),
        }),
        JobPolled e => new(ApplicationEventTypes.JobPolled, Job(e.JobId, e.VideoResponseId)),
        StuckJobAlerted e => new(ApplicationEventTypes.StuckJobAlerted, Job(e.JobId, e.VideoResponseId)),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "A domain event without a history type."),
    };

    private static JsonObject Video(VideoResponseAdded e) => new()
    {
        ["videoResponseId"] = e.VideoResponseId,
        ["questionId"] = e.QuestionId,
        ["source"] = e.IsStoredUpload ? "upload" : "url",
        ["replacedVideoResponseId"] = e.ReplacedVideoResponseId,
    };

    private static JsonObject Job(string? jobId, string videoResponseId) => new()
    {
        ["jobId"] = jobId,
        ["videoResponseId"] = videoResponseId,
    };
}
