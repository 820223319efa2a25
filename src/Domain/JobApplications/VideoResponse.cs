namespace AppBackend.Domain.JobApplications;

/// <summary>
/// A candidate's answer to one question. Its status changes only through <see cref="JobApplication"/>,
/// which keeps the video and application machines consistent.
/// </summary>
public sealed class VideoResponse
{
    private VideoResponse()
    {
    }

    internal VideoResponse(string id, string questionId, string url, bool isStoredUpload, int takes)
    {
        Id = id;
        QuestionId = questionId;
        Url = url;
        IsStoredUpload = isStoredUpload;
        Takes = takes;
        Status = VideoStatus.Uploaded;
    }

    public string Id { get; private set; } = string.Empty;

    public string QuestionId { get; private set; } = string.Empty;

    /// <summary>Where the video can be fetched; for an upload stored by AppBackend, its unsigned media path.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>True when AppBackend holds the file itself (multipart upload), false for an external URL.</summary>
    public bool IsStoredUpload { get; private set; }

    public VideoStatus Status { get; private set; }

    /// <summary>
    /// How many times the candidate has recorded this answer: one for the first, one more for each replacement while
    /// the application is draft. A re-recording of a video whose analysis failed keeps the count.
    /// </summary>
    public int Takes { get; private set; }

    /// <summary>The AI backend job currently analysing this video; null until dispatched.</summary>
    public string? JobId { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>When the AI backend was last asked about the current job (the polling fallback).</summary>
    public DateTimeOffset? LastPolledAt { get; private set; }

    /// <summary>
    /// When the poller asks the AI backend about the current job next (<see cref="PollSchedule"/>): set from dispatch
    /// while the video is processing, moved on by every poll, null in every other status.
    /// </summary>
    public DateTimeOffset? NextPollAt { get; private set; }

    /// <summary>When the stuck-job alert for the current job was sent; an alert is sent once per job.</summary>
    public DateTimeOffset? AlertedAt { get; private set; }

    public double? OverallScore { get; private set; }

    public string? AiAnalysisId { get; private set; }

    public bool IsFinal => Status is VideoStatus.Done or VideoStatus.AnalysisFailed;

    internal void Queue()
    {
        Status = VideoStatus.Queued;
        JobId = null;
        DispatchedAt = null;
        LastPolledAt = null;
        NextPollAt = null;
        AlertedAt = null;
        OverallScore = null;
        AiAnalysisId = null;
    }

    /// <summary><paramref name="nextPollAt"/>: the first poll, or null for a job whose result is being applied at once.</summary>
    internal void StartProcessing(string jobId, DateTimeOffset now, DateTimeOffset? nextPollAt)
    {
        Status = VideoStatus.Processing;
        JobId = jobId;
        DispatchedAt = now;
        NextPollAt = nextPollAt;
    }

    internal void Finish(AnalysisReport report)
    {
        NextPollAt = null;
        if (report.Outcome == AnalysisOutcome.Done)
        {
            Status = VideoStatus.Done;
            OverallScore = report.OverallScore;
            AiAnalysisId = report.AiAnalysisId;
        }
        else
        {
            Status = VideoStatus.AnalysisFailed;
        }
    }

    /// <summary>Whether the poller should ask about the current job at <paramref name="now"/>.</summary>
    public bool IsPollDue(DateTimeOffset now) => Status == VideoStatus.Processing && NextPollAt <= now;

    internal void MarkPolled(DateTimeOffset now, PollSchedule polls)
    {
        LastPolledAt = now;

        // Only a job in flight is asked about again.
        NextPollAt = Status == VideoStatus.Processing ? polls.NextPollAt(DispatchedAt ?? now, now) : null;
    }

    internal void MarkAlerted(DateTimeOffset now) => AlertedAt = now;
}
