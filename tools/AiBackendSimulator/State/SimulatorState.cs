using System.Text.Json;
using AppBackend.AiBackendSimulator.Analysis;
using AppBackend.AiBackendSimulator.Configuration;
using AppBackend.AiBackendSimulator.Http;
using AppBackend.AiBackendSimulator.Webhooks;
using AppBackend.AiBackendSimulator.Worker;

namespace AppBackend.AiBackendSimulator.State;

/// <summary>
/// All of the simulator's memory: jobs, recorded requests, faults, scripts, deliveries and settings.
/// One lock guards everything; the amounts are small and the simplicity is worth more than throughput.
/// Job numbers are never reset, so ids stay unique for an AppBackend database that outlives a reset.
/// </summary>
public sealed class SimulatorState(SimulatorConfiguration configuration, WorkSignal signal, TimeProvider timeProvider)
{
    public const string DefaultFailureReason = "simulated analysis failure";
    public const string VideoNotReachable = "video not reachable";

    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<SimulatedJob> _jobsInOrder = [];
    private readonly Dictionary<string, SimulatedJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobBatch> _batchesByIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Queue<Fault> _faults = new();
    private readonly Dictionary<string, string> _failingVideos = new(StringComparer.Ordinal);
    private readonly List<CallbackAttempt> _callbacks = [];
    private readonly List<ScheduledDelivery> _scheduledDeliveries = [];
    private SimulatorSettings _settings = configuration.Defaults;
    private CancellationTokenSource _resetSource = new();
    private long _lastJobNumber;
    private long _lastAnalysisNumber;

    public SimulatorSettings Settings
    {
        get
        {
            lock (_lock)
            {
                return _settings;
            }
        }
    }

    public void UpdateSettings(Func<SimulatorSettings, SimulatorSettings> change)
    {
        lock (_lock)
        {
            _settings = change(_settings);
        }

        // Due times depend on the settings (completeAfter, autoComplete), so let the worker recompute them.
        signal.Wake();
    }

    public int RecordRequest(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            return _requests.Count - 1;
        }
    }

    public void SetAnsweredStatus(int requestIndex, int status)
    {
        lock (_lock)
        {
            // A reset between receipt and answer leaves nothing to update.
            if (requestIndex < _requests.Count)
            {
                _requests[requestIndex] = _requests[requestIndex] with { AnsweredStatus = status };
            }
        }
    }

    public void AddFaults(Fault fault, int count)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    public Fault? TakeFault()
    {
        lock (_lock)
        {
            return _faults.TryDequeue(out var fault) ? fault : null;
        }
    }

    /// <summary>Creates one job per video, or returns the jobs made before under the same Idempotency-Key.</summary>
    public JobBatch CreateJobsOnce(string idempotencyKey, ParsedAnalysisRequest request)
    {
        lock (_lock)
        {
            if (_batchesByIdempotencyKey.TryGetValue(idempotencyKey, out var earlier))
            {
                return earlier with { Replayed = true };
            }

            var now = timeProvider.GetUtcNow();
            var entries = new List<JobIdEntry>();
            foreach (var video in request.Videos)
            {
                var job = new SimulatedJob(
                    $"bull-{++_lastJobNumber}", video, request.ApplicationId, idempotencyKey,
                    request.CallbackUrl, now, _settings.FetchVideos);
                _jobs.Add(job.JobId, job);
                _jobsInOrder.Add(job);
                entries.Add(new JobIdEntry(job.JobId, video.VideoResponseId));
            }

            var batch = new JobBatch(entries, Replayed: false);
            _batchesByIdempotencyKey.Add(idempotencyKey, batch);
            signal.Wake();
            return batch;
        }
    }

    public JobStatusResponse? FindJobStatus(string jobId)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(jobId, out var job)
                ? new JobStatusResponse(job.JobId, job.Video.VideoResponseId, job.Status, job.OverallScore, job.AiAnalysisId, job.Error)
                : null;
        }
    }

    /// <summary>Moves every job whose time has come, hands out due fetches and deliveries, and says when to look again.</summary>
    public DueWork TakeDueWork()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            var fetches = new List<VideoFetchOrder>();
            DateTimeOffset? next = null;

            foreach (var job in _jobsInOrder.Where(job => !job.IsFinal))
            {
                if (job.FetchRequested)
                {
                    job.FetchRequested = false;
                    job.FetchInFlight = true;
                    fetches.Add(new VideoFetchOrder(job.JobId, job.Video.Url));
                }

                var processingAt = job.CreatedAt + _settings.ProcessingAfter;
                if (job.Status == JobStatus.Queued)
                {
                    if (now >= processingAt)
                    {
                        job.Status = JobStatus.Processing;
                        job.ProcessingAt = now;
                    }
                    else
                    {
                        next = Earliest(next, processingAt);
                    }
                }

                // A job whose video is still being fetched waits for the fetch before it may finish.
                if (_settings.AutoComplete && !job.FetchInFlight)
                {
                    var finishAt = job.CreatedAt + _settings.CompleteAfter;
                    if (now >= finishAt)
                    {
                        FinishAsScripted(job, now);
                    }
                    else
                    {
                        next = Earliest(next, finishAt);
                    }
                }
            }

            var due = _scheduledDeliveries.Where(delivery => delivery.DueAt <= now).ToList();
            _scheduledDeliveries.RemoveAll(delivery => delivery.DueAt <= now);
            foreach (var waiting in _scheduledDeliveries)
            {
                next = Earliest(next, waiting.DueAt);
            }

            return new DueWork(fetches, due, next, _resetSource.Token);
        }
    }

    public void RecordVideoFetch(string jobId, VideoFetchResult result)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return;
            }

            job.FetchInFlight = false;
            job.VideoFetch = result;
            if (!result.Succeeded && !job.IsFinal)
            {
                Finish(job, JobStatus.Failed, score: null, VideoNotReachable, timeProvider.GetUtcNow());
            }
        }

        signal.Wake();
    }

    /// <summary>The webhook to send for a scheduled delivery; null when the job is gone (reset).</summary>
    public WebhookMessage? FindWebhook(string jobId)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(jobId, out var job) && job.WebhookBody is { } body
                ? new WebhookMessage(job.JobId, job.CallbackUrl, job.WebhookId, body, _settings.CallbackSecret, _settings.SignatureScheme)
                : null;
        }
    }

    /// <summary>Keeps the attempt and, when it failed and the round has retries left, schedules the next one.</summary>
    public void RecordDeliveryAttempt(ScheduledDelivery delivery, CallbackAttempt attempt)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(delivery.JobId, out var job))
            {
                return;
            }

            _callbacks.Add(attempt);
            job.Deliveries.Add(new DeliveryAttemptView(attempt.Delivery, attempt.Attempt, attempt.At, attempt.StatusCode, attempt.Error));

            var delays = _settings.CallbackRetryDelays;
            if (!attempt.Succeeded && delivery.Attempt <= delays.Count)
            {
                var dueAt = timeProvider.GetUtcNow() + delays[delivery.Attempt - 1];
                _scheduledDeliveries.Add(delivery with { Attempt = delivery.Attempt + 1, DueAt = dueAt });
            }
        }

        signal.Wake();
    }

    /// <summary>Finishes a job now; without a status the video's script decides (failed if scripted, else done).</summary>
    public JobActionOutcome CompleteJob(string jobId, JobStatus? status, double? score, string? error)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return JobActionOutcome.NotFound;
            }

            if (job.IsFinal)
            {
                return JobActionOutcome.AlreadyFinal;
            }

            var now = timeProvider.GetUtcNow();
            switch (status)
            {
                case null:
                    FinishAsScripted(job, now, score);
                    break;
                case JobStatus.Done:
                    Finish(job, JobStatus.Done, score ?? _settings.Score, error: null, now);
                    break;
                default:
                    Finish(job, JobStatus.Failed, score: null, error ?? DefaultFailureReason, now);
                    break;
            }

            return JobActionOutcome.Accepted;
        }
    }

    /// <summary>Starts a new delivery round of a finished job's webhook, even when deliverCallbacks is off: it was asked for.</summary>
    public JobActionOutcome Redeliver(string jobId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return JobActionOutcome.NotFound;
            }

            if (job.WebhookBody is null)
            {
                return JobActionOutcome.NotFinal;
            }

            ScheduleDeliveryRound(job, timeProvider.GetUtcNow());
            return JobActionOutcome.Accepted;
        }
    }

    public void FailVideo(string videoResponseId, string error)
    {
        lock (_lock)
        {
            _failingVideos[videoResponseId] = error;
        }
    }

    public bool StopFailingVideo(string videoResponseId)
    {
        lock (_lock)
        {
            return _failingVideos.Remove(videoResponseId);
        }
    }

    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }

    public IReadOnlyList<JobView> Jobs()
    {
        lock (_lock)
        {
            return [.. _jobsInOrder.Select(job => job.ToView())];
        }
    }

    public IReadOnlyList<CallbackAttempt> Callbacks()
    {
        lock (_lock)
        {
            return [.. _callbacks];
        }
    }

    public IReadOnlyList<Fault> PendingFaults()
    {
        lock (_lock)
        {
            return [.. _faults];
        }
    }

    /// <summary>Forgets everything but the job counters, restores the configured settings and stops in-flight work.</summary>
    public void Reset()
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            previous = _resetSource;
            _resetSource = new CancellationTokenSource();
            _requests.Clear();
            _jobsInOrder.Clear();
            _jobs.Clear();
            _batchesByIdempotencyKey.Clear();
            _faults.Clear();
            _failingVideos.Clear();
            _callbacks.Clear();
            _scheduledDeliveries.Clear();
            _settings = configuration.Defaults;
        }

        // Outside the lock: cancellation callbacks may run inline. Not disposed, because
        // in-flight work may still hold its token; it owns no timer, so nothing leaks.
        previous.Cancel();
        signal.Wake();
    }

    private void FinishAsScripted(SimulatedJob job, DateTimeOffset now, double? score = null)
    {
        if (_failingVideos.TryGetValue(job.Video.VideoResponseId, out var error))
        {
            Finish(job, JobStatus.Failed, score: null, error, now);
        }
        else
        {
            Finish(job, JobStatus.Done, score ?? _settings.Score, error: null, now);
        }
    }

    private void Finish(SimulatedJob job, JobStatus status, double? score, string? error, DateTimeOffset now)
    {
        job.Status = status;
        job.FinishedAt = now;
        job.OverallScore = status == JobStatus.Done ? score : null;
        job.AiAnalysisId = status == JobStatus.Done ? $"ai-{++_lastAnalysisNumber}" : null;
        job.Error = status == JobStatus.Failed ? error : null;

        // The bytes are fixed here, so every attempt and redelivery signs and sends the same body.
        job.WebhookBody = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookPayload(job.JobId, job.Video.VideoResponseId, status, job.OverallScore, job.AiAnalysisId, job.Error),
            SimulatorJson.Options);

        if (_settings.DeliverCallbacks)
        {
            ScheduleDeliveryRound(job, now);
        }
        else
        {
            job.CallbackDropped = true;
        }
    }

    private void ScheduleDeliveryRound(SimulatedJob job, DateTimeOffset now)
    {
        job.DeliveryRounds++;
        _scheduledDeliveries.Add(new ScheduledDelivery(job.JobId, job.DeliveryRounds, Attempt: 1, DueAt: now));
        signal.Wake();
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } known && known < candidate ? known : candidate;
}
