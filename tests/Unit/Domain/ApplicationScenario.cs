using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Domain;

/// <summary>
/// An interview and one application to it, moved through the status machine by the real transition methods.
/// Every step refuses loudly (throws) if the domain refuses it, so a broken setup never passes for a test result.
/// The clock moves on one minute before every step, so each change has its own timestamp.
/// </summary>
internal sealed class ApplicationScenario
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The poll schedule every step uses: the first poll 30 s after dispatch, then every 20 s.</summary>
    public static readonly PollSchedule Polls = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));

    private readonly FakeTimeProvider _clock;

    private ApplicationScenario(Interview interview, JobApplication application, FakeTimeProvider clock)
    {
        Interview = interview;
        Application = application;
        _clock = clock;
    }

    public Interview Interview { get; }

    public JobApplication Application { get; }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The organization of every scenario's interview.</summary>
    public const string Organization = "acme";

    /// <param name="maxTakes">Every question's <see cref="Question.MaxTakes"/>; null is unlimited.</param>
    public static ApplicationScenario Start(int questionCount = 2, int? maxTakes = null)
    {
        var clock = new FakeTimeProvider(StartTime);
        var interview = NewInterview(questionCount, clock.GetUtcNow(), maxTakes);
        clock.Advance(TimeSpan.FromMinutes(1));
        var application = JobApplication.Create(
            interview,
            "candidate-sub-1",
            new Candidate("Ayşe Yılmaz", "ayse@example.com", "+90 555 000 00 00", "https://files.example.com/cv/ayse.pdf"),
            clock.GetUtcNow());
        return new ApplicationScenario(interview, application, clock);
    }

    public static Interview NewInterview(int questionCount, DateTimeOffset now, int? maxTakes = null) =>
        Interview.Create(
            Organization,
            "Backend Engineer",
            [.. Enumerable.Range(0, questionCount)
                .Select(i => new QuestionDraft($"Question {i}", 60 + i, $$"""{"skill":"skill_{{i}}"}""", MaxTakes: maxTakes))],
            now);

    /// <summary>The score <see cref="Finish(int)"/> reports for a video: 80, 90, 100, ...</summary>
    public static double ScoreFor(int index) => 80 + (10 * index);

    /// <summary>Moves the clock on and returns the new time.</summary>
    public DateTimeOffset Later()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        return Now;
    }

    public string QuestionId(int index) => Interview.Questions[index].Id;

    public VideoResponse Video(int index) => Application.VideoResponses.Single(v => v.QuestionId == QuestionId(index));

    /// <summary>The job id the AI backend gives video <paramref name="index"/> in the current dispatch attempt.</summary>
    public string JobId(int index) => $"job-{Application.DispatchAttempt}-{index}";

    public ApplicationScenario Answer(int index, bool isStoredUpload = false)
    {
        var url = $"https://videos.example.com/{index}-{Guid.NewGuid():N}.mp4";
        Must(isStoredUpload
            ? Application.AddStoredVideoResponse(Interview, QuestionId(index), _ => url, Later())
            : Application.AddVideoResponse(Interview, QuestionId(index), url, Later()));
        return this;
    }

    public ApplicationScenario AnswerAll()
    {
        for (var i = 0; i < Interview.Questions.Count; i++)
        {
            Answer(i);
        }

        return this;
    }

    public ApplicationScenario Submit()
    {
        Must(Application.Submit(Interview, Later()));
        return this;
    }

    /// <summary>The jobs the AI backend returns for every video waiting for dispatch.</summary>
    public IReadOnlyList<DispatchedJob> JobsForQueuedVideos() =>
        [.. Enumerable.Range(0, Interview.Questions.Count)
            .Where(i => Video(i).Status == VideoStatus.Queued)
            .Select(i => new DispatchedJob(Video(i).Id, JobId(i)))];

    public ApplicationScenario Dispatch()
    {
        Must(Application.RecordDispatch(JobsForQueuedVideos(), Later(), ApplicationScenario.Polls));
        return this;
    }

    public ApplicationScenario FailDispatch(string reason = FailureReasons.AnalysisCouldNotBeStarted)
    {
        Must(Application.RecordDispatchFailure(reason, Later()));
        return this;
    }

    public AnalysisReport DoneReport(int index, double? score = null, string? jobId = null) =>
        new(
            jobId ?? Video(index).JobId ?? JobId(index),
            Video(index).Id,
            AnalysisOutcome.Done,
            score ?? ScoreFor(index),
            $"ai-{jobId ?? Video(index).JobId ?? JobId(index)}",
            null);

    public AnalysisReport FailedReport(int index, string? jobId = null) =>
        new(jobId ?? Video(index).JobId ?? JobId(index), Video(index).Id, AnalysisOutcome.Failed, null, null, "video could not be decoded");

    public ApplicationScenario Finish(int index, double? score = null)
    {
        MustApply(DoneReport(index, score));
        return this;
    }

    public ApplicationScenario FinishAll()
    {
        for (var i = 0; i < Interview.Questions.Count; i++)
        {
            Finish(i);
        }

        return this;
    }

    public ApplicationScenario Fail(int index)
    {
        MustApply(FailedReport(index));
        return this;
    }

    public ApplicationScenario Retry()
    {
        Must(Application.Retry(Later()));
        return this;
    }

    public ApplicationScenario Expect(ApplicationStatus status)
    {
        if (Application.Status != status)
        {
            throw new InvalidOperationException($"Setup expected {status} but the application is {Application.Status}.");
        }

        return this;
    }

    private void MustApply(AnalysisReport report)
    {
        var result = Application.ApplyAnalysisResult(report, Later());
        Must(result);
        if (result.Value != ResultApplication.Applied)
        {
            throw new InvalidOperationException($"Setup expected the result for {report.JobId} to be applied, but it was {result.Value}.");
        }
    }

    private static void Must(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Setup step refused: {result.Error.Code} ({result.Error.Description})");
        }
    }
}
