namespace AppBackend.Domain.JobApplications.Events;

/// <summary>A question was answered; <paramref name="ReplacedVideoResponseId"/> names the earlier answer it replaced, if any.</summary>
public sealed record VideoResponseAdded(
    string VideoResponseId, string QuestionId, bool IsStoredUpload, string? ReplacedVideoResponseId) : JobApplicationEvent;
