using AppBackend.Domain.Common;

namespace AppBackend.Domain.Interviews;

/// <summary>
/// A recruiter's interview: a title and its ordered questions, in the organization of the recruiter who created it.
/// Immutable once created.
/// </summary>
public sealed class Interview : AggregateRoot
{
    private readonly List<Question> _questions = [];

    private Interview()
    {
    }

    /// <summary>The hiring company the interview belongs to (the creating recruiter's <c>org</c>); set once, at creation.</summary>
    public string OrganizationId { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The questions in the order the recruiter gave them.</summary>
    public IReadOnlyList<Question> Questions => [.. _questions.OrderBy(q => q.Position)];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Input rules are checked by the caller's validator; this only refuses what would break the aggregate.</summary>
    public static Interview Create(string organizationId, string title, IReadOnlyList<QuestionDraft> questions, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (questions.Count == 0)
        {
            throw new ArgumentException("An interview needs at least one question.", nameof(questions));
        }

        // The takes rule counts from one, and a negative think time means nothing.
        if (questions.Any(q => q.MaxTakes < 1 || q.ThinkingSeconds < 0))
        {
            throw new ArgumentException("A question allows at least one take and a think time of zero or more seconds.", nameof(questions));
        }

        var interview = new Interview { Id = IdGenerator.NewId(now), OrganizationId = organizationId, Title = title, CreatedAt = now };
        for (var position = 0; position < questions.Count; position++)
        {
            interview._questions.Add(new Question(IdGenerator.NewId(now), position, questions[position]));
        }

        return interview;
    }

    public bool HasQuestion(string questionId) => _questions.Exists(q => q.Id == questionId);

    public Question? FindQuestion(string questionId) => _questions.Find(q => q.Id == questionId);
}
