using AppBackend.Domain.Interviews;

namespace AppBackend.UnitTests.Domain;

public class InterviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithQuestions_AssignsIdsAndKeepsQuestionsInOrder()
    {
        QuestionDraft[] drafts =
        [
            new("Tell us about a hard bug.", 120, """{"skill":"problem_solving","language":"en"}"""),
            new("Why this team?", 60, """{"skill":"motivation"}"""),
            new("Design a URL shortener.", 600, """{"skill":"system_design"}"""),
        ];

        var interview = Interview.Create("acme", "Backend Engineer", drafts, Now);

        interview.Id.Should().MatchRegex("^[0-9a-f]{32}$");
        interview.OrganizationId.Should().Be("acme");
        interview.Title.Should().Be("Backend Engineer");
        interview.CreatedAt.Should().Be(Now);
        interview.Questions.Select(q => (q.Text, q.DurationSeconds, q.AiMetadataJson))
            .Should().Equal(drafts.Select(d => (d.Text, d.DurationSeconds, d.AiMetadataJson)));
        interview.Questions.Should().AllSatisfy(q => q.Id.Should().NotBeNullOrWhiteSpace());
        interview.Questions.Select(q => q.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Create_Twice_AssignsDifferentIds()
    {
        var first = ApplicationScenario.NewInterview(1, Now);
        var second = ApplicationScenario.NewInterview(1, Now);

        second.Id.Should().NotBe(first.Id);
        second.Questions[0].Id.Should().NotBe(first.Questions[0].Id);
    }

    [Fact]
    public void Create_Later_AssignsAnIdThatSortsAfter()
    {
        var earlier = ApplicationScenario.NewInterview(1, Now);
        var later = ApplicationScenario.NewInterview(1, Now.AddSeconds(1));

        string.CompareOrdinal(later.Id, earlier.Id).Should().BePositive();
    }

    [Fact]
    public void Create_WithoutQuestions_Throws()
    {
        var create = () => Interview.Create("acme", "Backend Engineer", [], Now);

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("questions");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithBlankTitle_Throws(string title)
    {
        var create = () => Interview.Create("acme", title, [new QuestionDraft("Q", 60, "{}")], Now);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void HasQuestion_ForEachOfItsQuestions_ReturnsTrue()
    {
        var interview = ApplicationScenario.NewInterview(3, Now);

        interview.Questions.Should().AllSatisfy(q => interview.HasQuestion(q.Id).Should().BeTrue());
    }

    [Fact]
    public void HasQuestion_ForAQuestionOfAnotherInterview_ReturnsFalse()
    {
        var interview = ApplicationScenario.NewInterview(2, Now);
        var other = ApplicationScenario.NewInterview(2, Now);

        interview.HasQuestion(other.Questions[0].Id).Should().BeFalse();
        interview.HasQuestion("unknown-question").Should().BeFalse();
        interview.HasQuestion(string.Empty).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutAnOrganization_Throws(string organizationId)
    {
        var create = () => Interview.Create(organizationId, "Backend Engineer", [new QuestionDraft("Q", 60, "{}")], Now);

        create.Should().Throw<ArgumentException>();
    }
}
