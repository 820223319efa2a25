using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications.Events;

namespace AppBackend.Domain.JobApplications;

/// <summary>
/// A candidate's application to an interview, with its videos and the AI results. The aggregate owns the
/// status machines of contract section 1: every allowed transition is a method below, every other one is
/// refused with an <see cref="Error"/>, and the derived fields change only here. Each transition is one change: it
/// bumps <see cref="AggregateRoot.Version"/> by one and raises one <see cref="JobApplicationEvent"/> stamped with it.
/// </summary>
public sealed class JobApplication : AggregateRoot
{
    private readonly List<VideoResponse> _videoResponses = [];
    private readonly List<AnalysisResult> _aiAnalysisResults = [];

    private JobApplication()
    {
    }

    public string InterviewId { get; private set; } = string.Empty;

    /// <summary>Its interview's organization, copied at creation so that an organization's list is one indexed read.</summary>
    public string OrganizationId { get; private set; } = string.Empty;

    /// <summary>The <c>sub</c> of whoever created the application; a candidate sees only his own.</summary>
    public string OwnerId { get; private set; } = string.Empty;

    public Candidate Candidate { get; private set; } = null!;

    public ApplicationStatus Status { get; private set; }

    public bool AllowRetry { get; private set; }

    public string? FailureReason { get; private set; }

    public string? LatestAiAnalysisId { get; private set; }

    /// <summary>The mean of the videos' scores once completed, else null.</summary>
    public double? OverallScore { get; private set; }

    /// <summary>Counts submits and retries; each dispatch attempt has its own idempotency key.</summary>
    public int DispatchAttempt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<VideoResponse> VideoResponses => _videoResponses;

    public IReadOnlyList<AnalysisResult> AiAnalysisResults => _aiAnalysisResults;

    /// <summary>The key the AI backend deduplicates the current dispatch attempt on.</summary>
    public string DispatchIdempotencyKey => $"{Id}-{DispatchAttempt}";

    /// <summary>The application a dispatch key (<c>{applicationId}-{attempt}</c>) belongs to; ids hold no dash.</summary>
    public static string ApplicationIdOfDispatchKey(string idempotencyKey)
    {
        var separator = idempotencyKey.LastIndexOf('-');
        return separator > 0 ? idempotencyKey[..separator] : idempotencyKey;
    }

    public static JobApplication Create(Interview interview, string ownerId, Candidate candidate, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        var application = new JobApplication
        {
            Id = IdGenerator.NewId(now),
            InterviewId = interview.Id,
            OrganizationId = interview.OrganizationId,
            OwnerId = ownerId,
            Candidate = candidate,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
        };
        application.Touch(new ApplicationCreated(interview.Id), now);
        return application;
    }

    public bool IsOwnedBy(string subject) => OwnerId == subject;

    public VideoResponse? FindVideo(string videoResponseId) => _videoResponses.Find(v => v.Id == videoResponseId);

    /// <summary>Videos waiting to be sent to the AI backend, in the interview's question order.</summary>
    public IReadOnlyList<VideoResponse> VideosAwaitingDispatch(Interview interview)
    {
        var positions = interview.Questions.ToDictionary(q => q.Id, q => q.Position);
        return [.. _videoResponses
            .Where(v => v.Status == VideoStatus.Queued)
            .OrderBy(v => positions.GetValueOrDefault(v.QuestionId, int.MaxValue))];
    }

    /// <summary>
    /// Whether a video may be added now, whatever its question: while draft, or after a failed analysis while a
    /// failed video waits to be replaced. Checked before an upload's bytes are read; <see cref="AddVideoResponse"/>
    /// applies the full rules once the question is known.
    /// </summary>
    public Result CanAcceptVideos() => Status switch
    {
        ApplicationStatus.Draft => Result.Success(),
        ApplicationStatus.AnalysisFailed when AllowRetry
            && _videoResponses.Exists(v => v.Status is VideoStatus.AnalysisFailed or VideoStatus.Uploaded) => Result.Success(),
        _ => JobApplicationErrors.NotEditable(Status),
    };

    /// <summary>
    /// Answers a question. While draft, a second answer replaces the first, one take more, up to the question's
    /// <see cref="Question.MaxTakes"/>; after a failed analysis, only a failed video may be replaced (before the
    /// retry), and that re-recording is not a take: the failure was not the candidate's.
    /// </summary>
    public Result<VideoReplacement> AddVideoResponse(
        Interview interview, string questionId, string url, DateTimeOffset now) =>
        Answer(interview, questionId, _ => url, isStoredUpload: false, now);

    /// <summary>
    /// Answers a question with a video AppBackend stores itself (a multipart upload), under the same rules as
    /// <see cref="AddVideoResponse"/>. Its URL is the unsigned media path <paramref name="mediaPathOf"/> makes from
    /// the new video's id: the stored file is named after the video, whose id exists only from here on.
    /// </summary>
    public Result<VideoReplacement> AddStoredVideoResponse(
        Interview interview, string questionId, Func<string, string> mediaPathOf, DateTimeOffset now) =>
        Answer(interview, questionId, mediaPathOf, isStoredUpload: true, now);

    private Result<VideoReplacement> Answer(
        Interview interview, string questionId, Func<string, string> urlOf, bool isStoredUpload, DateTimeOffset now)
    {
        var question = interview.Id == InterviewId ? interview.FindQuestion(questionId) : null;
        if (question is null)
        {
            return JobApplicationErrors.QuestionNotInInterview(questionId);
        }

        var existing = _videoResponses.Find(v => v.QuestionId == questionId);
        int takes;
        switch (Status)
        {
            case ApplicationStatus.Draft:
                takes = (existing?.Takes ?? 0) + 1;
                if (question.MaxTakes is { } maxTakes && takes > maxTakes)
                {
                    return JobApplicationErrors.TakesExhausted(questionId, maxTakes);
                }

                break;
            case ApplicationStatus.AnalysisFailed when AllowRetry:
                // A failed video, or a replacement of one that has not been sent yet.
                if (existing is not { Status: VideoStatus.AnalysisFailed or VideoStatus.Uploaded })
                {
                    return JobApplicationErrors.VideoNotReplaceable(questionId);
                }

                takes = existing.Takes;
                break;
            default:
                return JobApplicationErrors.NotEditable(Status);
        }

        if (existing is not null)
        {
            _videoResponses.Remove(existing);
        }

        var id = IdGenerator.NewId(now);
        var added = new VideoResponse(id, questionId, urlOf(id), isStoredUpload, takes);
        _videoResponses.Add(added);
        Touch(new VideoResponseAdded(added.Id, questionId, isStoredUpload, existing?.Id), now);
        return new VideoReplacement(added, existing);
    }

    /// <summary>draft → queued, once every question has a video.</summary>
    public Result Submit(Interview interview, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Draft)
        {
            return JobApplicationErrors.NotDraft(Status);
        }

        var missing = interview.Questions
            .Where(q => !_videoResponses.Exists(v => v.QuestionId == q.Id))
            .Select(q => q.Id)
            .ToList();
        if (missing.Count > 0)
        {
            return JobApplicationErrors.MissingVideos(missing);
        }

        foreach (var video in _videoResponses)
        {
            video.Queue();
        }

        Status = ApplicationStatus.Queued;
        DispatchAttempt++;
        Touch(new ApplicationSubmitted(DispatchAttempt, _videoResponses.Count), now);
        return Result.Success();
    }

    /// <summary>
    /// queued → awaiting_ai_analysis: the AI backend accepted the dispatch and every sent video has a job, first
    /// polled as <paramref name="polls"/> says. A video whose result already arrived (the callback beat this save) keeps it.
    /// </summary>
    public Result RecordDispatch(IReadOnlyList<DispatchedJob> jobs, DateTimeOffset now, PollSchedule polls)
    {
        if (Status != ApplicationStatus.Queued)
        {
            return JobApplicationErrors.NotQueued(Id, Status);
        }

        foreach (var job in jobs)
        {
            var video = FindVideo(job.VideoResponseId);
            if (video is null)
            {
                return JobApplicationErrors.VideoNotFound(job.VideoResponseId);
            }

            // A final video already has its result (its callback beat this save, or came from an earlier
            // attempt the AI backend accepted after all); it keeps it. Anything else must be waiting.
            if (video.Status is not (VideoStatus.Queued or VideoStatus.Done or VideoStatus.AnalysisFailed))
            {
                return JobApplicationErrors.NotAwaitingDispatch(job.VideoResponseId);
            }
        }

        var withoutJob = _videoResponses
            .Where(v => v.Status == VideoStatus.Queued && !jobs.Any(j => j.VideoResponseId == v.Id))
            .Select(v => v.Id)
            .ToList();
        if (withoutJob.Count > 0)
        {
            return JobApplicationErrors.MissingJobIds(withoutJob);
        }

        foreach (var job in jobs)
        {
            var video = FindVideo(job.VideoResponseId)!;
            if (video.Status == VideoStatus.Queued)
            {
                video.StartProcessing(job.JobId, now, polls.FirstPollAt(now));
            }
        }

        Status = ApplicationStatus.AwaitingAiAnalysis;
        SettleIfAllFinal();
        Touch(new DispatchAccepted(DispatchAttempt, [.. jobs]), now);
        return Result.Success();
    }

    /// <summary>
    /// queued → dispatch_failed: the AI backend refused, or its failures outlasted the retries. <paramref name="answer"/>
    /// says what the AI backend answered (<c>refused:400</c>, <c>unavailable</c>), for the history.
    /// </summary>
    public Result RecordDispatchFailure(string reason, DateTimeOffset now, string? answer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != ApplicationStatus.Queued)
        {
            return JobApplicationErrors.NotQueued(Id, Status);
        }

        Status = ApplicationStatus.DispatchFailed;
        AllowRetry = true;
        FailureReason = reason;
        Touch(new DispatchFailed(DispatchAttempt, reason, answer), now);
        return Result.Success();
    }

    /// <summary>
    /// Takes a final result for one job, exactly once. The job is matched by its id, else by the video id
    /// (a callback may arrive before the dispatch's job ids were saved). An older job of the video is
    /// <see cref="ResultApplication.Stale"/>; a video already final for this job is a
    /// <see cref="ResultApplication.Duplicate"/>.
    /// </summary>
    public Result<ResultApplication> ApplyAnalysisResult(AnalysisReport report, DateTimeOffset now)
    {
        var video = _videoResponses.Find(v => v.JobId == report.JobId)
            ?? (report.VideoResponseId is null ? null : FindVideo(report.VideoResponseId));
        if (video is null)
        {
            return IsPastJob(report.JobId) ? ResultApplication.Stale : JobApplicationErrors.JobNotFound(report.JobId);
        }

        if (video.JobId != report.JobId)
        {
            var callbackBeatDispatchSave = video.JobId is null
                && video.Status == VideoStatus.Queued
                && Status == ApplicationStatus.Queued
                && !IsPastJob(report.JobId);
            if (!callbackBeatDispatchSave)
            {
                return ResultApplication.Stale;
            }

            // Finished below: never polled.
            video.StartProcessing(report.JobId, now, nextPollAt: null);
        }

        if (video.IsFinal)
        {
            return ResultApplication.Duplicate;
        }

        video.Finish(report);
        _aiAnalysisResults.Add(new AnalysisResult(report, video.Id, now));
        if (report.Outcome == AnalysisOutcome.Done && report.AiAnalysisId is not null)
        {
            LatestAiAnalysisId = report.AiAnalysisId;
        }

        if (Status == ApplicationStatus.AwaitingAiAnalysis)
        {
            SettleIfAllFinal();
        }

        Touch(new AnalysisResultApplied(report.JobId, video.Id, report.Outcome, report.OverallScore, report.AiAnalysisId, report.Error), now);
        return ResultApplication.Applied;
    }

    /// <summary>
    /// Whether <paramref name="jobId"/> finished its video <c>done</c>. That is final for good: a done video is never
    /// queued again (<see cref="Retry"/>) nor replaced (<see cref="AddVideoResponse"/>), so it keeps this job, and every
    /// later report for the job is a <see cref="ResultApplication.Duplicate"/>. A failed video is not: a retry gives it
    /// a new job, and the old one becomes <see cref="ResultApplication.Stale"/>.
    /// </summary>
    public bool IsDoneFor(string jobId) => _videoResponses.Exists(v => v.JobId == jobId && v.Status == VideoStatus.Done);

    /// <summary>dispatch_failed | analysis_failed → queued, when retry is allowed. Only failed or replaced videos go again.</summary>
    public Result Retry(DateTimeOffset now)
    {
        if (!AllowRetry || Status is not (ApplicationStatus.DispatchFailed or ApplicationStatus.AnalysisFailed))
        {
            return JobApplicationErrors.RetryNotAllowed(Status);
        }

        var again = _videoResponses.Where(v => v.Status is VideoStatus.AnalysisFailed or VideoStatus.Uploaded).ToList();
        foreach (var video in again)
        {
            video.Queue();
        }

        Status = ApplicationStatus.Queued;
        AllowRetry = false;
        FailureReason = null;
        DispatchAttempt++;
        Touch(new RetryRequested(DispatchAttempt, [.. again.Select(v => v.Id)]), now);
        return Result.Success();
    }

    /// <summary>Notes that the poller asked the AI backend about a video's current job; the next ask follows <paramref name="polls"/>.</summary>
    public Result RecordPoll(string videoResponseId, DateTimeOffset now, PollSchedule polls)
    {
        var video = FindVideo(videoResponseId);
        if (video is null)
        {
            return JobApplicationErrors.VideoNotFound(videoResponseId);
        }

        video.MarkPolled(now, polls);
        Touch(new JobPolled(video.JobId, video.Id), now);
        return Result.Success();
    }

    /// <summary>Notes that the stuck-job alert for a video's current job went out; refused if it already did.</summary>
    public Result RecordAlert(string videoResponseId, DateTimeOffset now)
    {
        var video = FindVideo(videoResponseId);
        if (video is null)
        {
            return JobApplicationErrors.VideoNotFound(videoResponseId);
        }

        if (video.AlertedAt is not null)
        {
            return JobApplicationErrors.AlreadyAlerted(video.JobId);
        }

        video.MarkAlerted(now);
        Touch(new StuckJobAlerted(video.JobId, video.Id), now);
        return Result.Success();
    }

    private bool IsPastJob(string jobId) => _aiAnalysisResults.Exists(r => r.JobId == jobId);

    private void SettleIfAllFinal()
    {
        if (!_videoResponses.TrueForAll(v => v.IsFinal))
        {
            return;
        }

        var failed = _videoResponses.Count(v => v.Status == VideoStatus.AnalysisFailed);
        if (failed == 0)
        {
            Status = ApplicationStatus.Completed;
            var scores = _videoResponses.Where(v => v.OverallScore.HasValue).Select(v => v.OverallScore!.Value).ToList();
            OverallScore = scores.Count > 0 ? Math.Round(scores.Average(), 2) : null;
            AllowRetry = false;
            FailureReason = null;
        }
        else
        {
            Status = ApplicationStatus.AnalysisFailed;
            AllowRetry = true;
            FailureReason = FailureReasons.AnalysisFailed(failed, _videoResponses.Count);
        }
    }

    /// <summary>Every transition ends here: one change, one version, one event naming it.</summary>
    private void Touch(JobApplicationEvent change, DateTimeOffset now)
    {
        UpdatedAt = now;
        IncrementVersion();
        Raise(change with { ApplicationId = Id, Version = Version, At = now });
    }
}
