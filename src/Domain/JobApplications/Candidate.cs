namespace AppBackend.Domain.JobApplications;

/// <summary>The person applying, as the frontend described them.</summary>
public sealed record Candidate(string FullName, string Email, string? Phone, string? CvUrl);
