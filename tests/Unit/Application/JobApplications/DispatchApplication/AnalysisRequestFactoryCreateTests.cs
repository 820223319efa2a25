using System.Text.Json;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Application.JobApplications.DispatchApplication;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Domain;

namespace AppBackend.UnitTests.Application.JobApplications.DispatchApplication;

public class AnalysisRequestFactoryCreateTests
{
    private const string RequestId = "req-7f3a";
    private const string CallbackUrl = "https://app.example.com/webhooks/analysis-ready";

    private static readonly DateTimeOffset Now = ApplicationScenario.StartTime;

    private static readonly string[] MetadataJson =
    [
        """{"skill":"communication","weights":{"clarity":0.6,"structure":0.4},"keywords":["team","deadline"]}""",
        "{}",
        """{"language":"tr-TR","nested":{"deeper":{"flag":true,"none":null}},"note":"çalışma \"quoted\""}""",
    ];

    [Fact]
    public void Create_Always_PassesTheApiVersionRequestIdAndCallbackUrl()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);

        var request = Create(scenario.Application, scenario.Interview, scenario.Application.VideoResponses);

        request.Meta.ApiVersion.Should().Be("1.0.0");
        request.Meta.RequestId.Should().Be(RequestId);
        request.Meta.CallbackUrl.Should().Be(CallbackUrl);
    }

    [Fact]
    public void Create_WithAFullCandidate_CopiesTheApplicationAndEveryCandidateField()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);

        var request = Create(scenario.Application, scenario.Interview, scenario.Application.VideoResponses);

        request.Application.Id.Should().Be(scenario.Application.Id);
        request.Application.Candidate.FullName.Should().Be("Ayşe Yılmaz");
        request.Application.Candidate.Email.Should().Be("ayse@example.com");
        request.Application.Candidate.Phone.Should().Be("+90 555 000 00 00");
        request.Application.Candidate.CvUrl.Should().Be("https://files.example.com/cv/ayse.pdf");
    }

    [Fact]
    public void Create_WithoutPhoneAndCv_LeavesThemNull()
    {
        var interview = NewInterview();
        var application = JobApplication.Create(interview, "candidate-sub-2", new Candidate("Jan Nowak", "jan@example.com", null, null), Now);

        var request = Create(application, interview, []);

        request.Application.Candidate.Should().BeEquivalentTo(new { FullName = "Jan Nowak", Email = "jan@example.com", Phone = (string?)null, CvUrl = (string?)null });
    }

    [Fact]
    public void Create_Always_SendsEveryQuestionInOrderWithItsMetadataAsAJsonObject()
    {
        var interview = NewInterview();
        var application = QueuedApplication(interview);

        var request = Create(application, interview, application.VideoResponses);

        request.Interview.Id.Should().Be(interview.Id);
        request.Interview.Title.Should().Be("Senior Backend Engineer");
        request.Interview.Questions.Select(q => q.Id).Should().Equal(interview.Questions.Select(q => q.Id));
        request.Interview.Questions.Select(q => q.Text).Should().Equal("Tell us about a deadline you missed.", "Why us?", "Explain a hard bug.");
        request.Interview.Questions.Select(q => q.DurationSeconds).Should().Equal(120, 60, 180);
        for (var i = 0; i < MetadataJson.Length; i++)
        {
            var sent = request.Interview.Questions[i].AiMetadata;
            sent.ValueKind.Should().Be(JsonValueKind.Object);
            using var stored = JsonDocument.Parse(MetadataJson[i]);
            JsonElement.DeepEquals(sent, stored.RootElement).Should().BeTrue("question {0}'s aiMetadata must be the stored object, got {1}", i, sent.GetRawText());
        }
    }

    [Fact]
    public void Create_WithSomeVideos_SendsOnlyThoseWithTheUrlFromTheUrlFunction()
    {
        var interview = NewInterview();
        var application = QueuedApplication(interview);
        var videos = application.VideoResponses.Where(v => v.QuestionId != interview.Questions[1].Id).ToList();

        var request = Create(application, interview, videos);

        request.VideoResponses.Should().HaveCount(2);
        request.VideoResponses.Select(v => (v.VideoResponseId, v.QuestionId, v.Url)).Should().Equal(
            videos.Select(v => (v.Id, v.QuestionId, $"https://media.example.com/signed/{v.Id}")));
        request.VideoResponses.Select(v => v.Url).Should().NotContain(application.VideoResponses.Select(v => v.Url),
            "the stored URL is not what the AI backend fetches; the URL function decides");
        request.Interview.Questions.Should().HaveCount(3, "the interview is sent whole even when only some videos are");
    }

    [Fact]
    public void Create_SerializedWithWebDefaults_UsesTheContractsFieldNames()
    {
        var interview = NewInterview();
        var application = QueuedApplication(interview);
        var video = application.VideoResponses[0];

        var json = JsonSerializer.Serialize(Create(application, interview, [video]), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Names(root).Should().Equal("meta", "application", "interview", "videoResponses");

        var meta = root.GetProperty("meta");
        Names(meta).Should().Equal("apiVersion", "requestId", "callbackUrl");
        meta.GetProperty("apiVersion").GetString().Should().Be("1.0.0");
        meta.GetProperty("requestId").GetString().Should().Be(RequestId);
        meta.GetProperty("callbackUrl").GetString().Should().Be(CallbackUrl);

        var applicationJson = root.GetProperty("application");
        Names(applicationJson).Should().Equal("id", "candidate");
        applicationJson.GetProperty("id").GetString().Should().Be(application.Id);
        var candidate = applicationJson.GetProperty("candidate");
        Names(candidate).Should().Equal("fullName", "email", "phone", "cvUrl");
        candidate.GetProperty("fullName").GetString().Should().Be("Ayşe Yılmaz");
        candidate.GetProperty("email").GetString().Should().Be("ayse@example.com");
        candidate.GetProperty("phone").GetString().Should().Be("+90 555 000 00 00");
        candidate.GetProperty("cvUrl").GetString().Should().Be("https://files.example.com/cv/ayse.pdf");

        var interviewJson = root.GetProperty("interview");
        Names(interviewJson).Should().Equal("id", "title", "questions");
        interviewJson.GetProperty("id").GetString().Should().Be(interview.Id);
        interviewJson.GetProperty("title").GetString().Should().Be("Senior Backend Engineer");
        var questions = interviewJson.GetProperty("questions").EnumerateArray().ToList();
        questions.Should().HaveCount(3);
        for (var i = 0; i < questions.Count; i++)
        {
            Names(questions[i]).Should().Equal("id", "text", "durationSeconds", "aiMetadata");
            questions[i].GetProperty("id").GetString().Should().Be(interview.Questions[i].Id);
            questions[i].GetProperty("text").GetString().Should().Be(interview.Questions[i].Text);
            questions[i].GetProperty("durationSeconds").GetInt32().Should().Be(interview.Questions[i].DurationSeconds);
            using var stored = JsonDocument.Parse(MetadataJson[i]);
            JsonElement.DeepEquals(questions[i].GetProperty("aiMetadata"), stored.RootElement).Should().BeTrue();
        }

        var videos = root.GetProperty("videoResponses").EnumerateArray().ToList();
        videos.Should().ContainSingle();
        Names(videos[0]).Should().Equal("videoResponseId", "questionId", "url");
        videos[0].GetProperty("videoResponseId").GetString().Should().Be(video.Id);
        videos[0].GetProperty("questionId").GetString().Should().Be(video.QuestionId);
        videos[0].GetProperty("url").GetString().Should().Be($"https://media.example.com/signed/{video.Id}");
    }

    [Fact]
    public void Create_SerializedWithoutPhoneAndCv_WritesThemAsNull()
    {
        var interview = NewInterview();
        var application = JobApplication.Create(interview, "candidate-sub-2", new Candidate("Jan Nowak", "jan@example.com", null, null), Now);

        var json = JsonSerializer.Serialize(Create(application, interview, []), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var document = JsonDocument.Parse(json);
        var candidate = document.RootElement.GetProperty("application").GetProperty("candidate");
        candidate.GetProperty("phone").ValueKind.Should().Be(JsonValueKind.Null);
        candidate.GetProperty("cvUrl").ValueKind.Should().Be(JsonValueKind.Null);
        document.RootElement.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Create_ForQuestionsWithThinkTimeAndMaxTakes_SendsNeither()
    {
        var interview = Interview.Create("acme", "Backend Engineer", [new QuestionDraft("Q", 60, MetadataJson[0], ThinkingSeconds: 30, MaxTakes: 2)], Now);
        var application = QueuedApplication(interview);

        var json = JsonSerializer.Serialize(Create(application, interview, application.VideoResponses), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var document = JsonDocument.Parse(json);
        Names(document.RootElement.GetProperty("interview").GetProperty("questions")[0])
            .Should().Equal("id", "text", "durationSeconds", "aiMetadata");
        json.Should().NotContain("thinkingSeconds").And.NotContain("maxTakes").And.NotContain("takes");
    }

    private static AnalysisRequest Create(JobApplication application, Interview interview, IReadOnlyList<VideoResponse> videos) =>
        AnalysisRequestFactory.Create(application, interview, videos, v => $"https://media.example.com/signed/{v.Id}", RequestId, CallbackUrl);

    private static Interview NewInterview() =>
        Interview.Create(
            "acme",
            "Senior Backend Engineer",
            [
                new QuestionDraft("Tell us about a deadline you missed.", 120, MetadataJson[0]),
                new QuestionDraft("Why us?", 60, MetadataJson[1]),
                new QuestionDraft("Explain a hard bug.", 180, MetadataJson[2]),
            ],
            Now);

    private static JobApplication QueuedApplication(Interview interview)
    {
        var application = JobApplication.Create(
            interview,
            "candidate-sub-1",
            new Candidate("Ayşe Yılmaz", "ayse@example.com", "+90 555 000 00 00", "https://files.example.com/cv/ayse.pdf"),
            Now);

        // Answered out of order, so the payload's question order cannot come from the order of the answers.
        foreach (var question in interview.Questions.Reverse())
        {
            application.AddVideoResponse(interview, question.Id, $"https://videos.example.com/{question.Id}.mp4", false, Now).ShouldSucceed();
        }

        application.Submit(interview, Now).ShouldSucceed();
        return application;
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
