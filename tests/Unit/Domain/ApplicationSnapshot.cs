using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

/// <summary>Everything observable about an application, to show that a refused or ignored call changed nothing.</summary>
internal sealed record ApplicationSnapshot(
    ApplicationStatus Status,
    long Version,
    DateTimeOffset UpdatedAt,
    bool AllowRetry,
    string? FailureReason,
    string? LatestAiAnalysisId,
    double? OverallScore,
    int DispatchAttempt,
    IReadOnlyList<VideoSnapshot> Videos,
    int AiAnalysisResultCount)
{
    public static ApplicationSnapshot Of(JobApplication application) =>
        new(
            application.Status,
            application.Version,
            application.UpdatedAt,
            application.AllowRetry,
            application.FailureReason,
            application.LatestAiAnalysisId,
            application.OverallScore,
            application.DispatchAttempt,
            [.. application.VideoResponses.Select(VideoSnapshot.Of)],
            application.AiAnalysisResults.Count);
}

internal sealed record VideoSnapshot(
    string Id,
    string QuestionId,
    string Url,
    VideoStatus Status,
    string? JobId,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? AlertedAt,
    double? OverallScore,
    string? AiAnalysisId)
{
    public static VideoSnapshot Of(VideoResponse video) =>
        new(
            video.Id,
            video.QuestionId,
            video.Url,
            video.Status,
            video.JobId,
            video.DispatchedAt,
            video.LastPolledAt,
            video.AlertedAt,
            video.OverallScore,
            video.AiAnalysisId);
}
