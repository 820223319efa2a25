namespace AppBackend.Domain.JobApplications;

/// <summary>A final result received from the AI backend; kept as history, never changed.</summary>
public sealed class AnalysisResult
{
    private AnalysisResult()
    {
    }

    internal AnalysisResult(AnalysisReport report, string videoResponseId, DateTimeOffset receivedAt)
    {
        AiAnalysisId = report.AiAnalysisId;
        VideoResponseId = videoResponseId;
        JobId = report.JobId;
        Outcome = report.Outcome;
        OverallScore = report.OverallScore;
        Error = report.Error;
        ReceivedAt = receivedAt;
    }

    public string? AiAnalysisId { get; private set; }

    public string VideoResponseId { get; private set; } = string.Empty;

    public string JobId { get; private set; } = string.Empty;

    public AnalysisOutcome Outcome { get; private set; }

    public double? OverallScore { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
