using System.Text.Json;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>Builds the section 3 payload from one read of the application and its interview.</summary>
public static class AnalysisRequestFactory
{
    public const string ApiVersion = "1.0.0";

    public static AnalysisRequest Create(
        JobApplication application,
        Interview interview,
        IReadOnlyList<VideoResponse> videos,
        Func<VideoResponse, string> videoUrl,
        string requestId,
        string callbackUrl)
    {
        var candidate = application.Candidate;
        return new AnalysisRequest(
            new AnalysisRequestMeta(ApiVersion, requestId, callbackUrl),
            new AnalysisRequestApplication(
                application.Id,
                new AnalysisRequestCandidate(candidate.FullName, candidate.Email, candidate.Phone, candidate.CvUrl)),
            new AnalysisRequestInterview(
                interview.Id,
                interview.Title,
                [.. interview.Questions.Select(q => new AnalysisRequestQuestion(q.Id, q.Text, q.DurationSeconds, ParseObject(q.AiMetadataJson)))]),
            [.. videos.Select(v => new AnalysisRequestVideo(v.Id, v.QuestionId, videoUrl(v)))]);
    }

    /// <summary>
    /// Pairs the answer's jobs with the videos sent: by <c>videoResponseId</c> when the AI backend names it,
    /// else by position in the request. Null when the answer does not cover every video sent.
    /// </summary>
    public static IReadOnlyList<DispatchedJob>? MatchJobs(IReadOnlyList<AnalysisRequestVideo> sent, IReadOnlyList<AcceptedJob> jobs)
    {
        var matched = new List<DispatchedJob>(sent.Count);
        for (var position = 0; position < jobs.Count; position++)
        {
            var job = jobs[position];
            var videoResponseId = job.VideoResponseId ?? (position < sent.Count ? sent[position].VideoResponseId : null);
            if (string.IsNullOrWhiteSpace(job.JobId) || videoResponseId is null || !sent.Any(v => v.VideoResponseId == videoResponseId))
            {
                return null;
            }

            matched.Add(new DispatchedJob(videoResponseId, job.JobId));
        }

        var everyVideoHasOneJob = sent.All(v => matched.Count(m => m.VideoResponseId == v.VideoResponseId) == 1);
        return everyVideoHasOneJob ? matched : null;
    }

    private static JsonElement ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
