namespace AppBackend.Application.JobApplications;

/// <summary>An application as the API shows it (contract section 1); statuses are wire names.</summary>
public sealed record JobApplicationView(
    string Id,
    string InterviewId,
    string OrganizationId,
    CandidateView Candidate,
    string Status,
    bool AllowRetry,
    string? FailureReason,
    string? LatestAiAnalysisId,
    IReadOnlyList<VideoResponseView> VideoResponses,
    IReadOnlyList<AnalysisResultView> AiAnalysisResults,
    double? OverallScore,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
