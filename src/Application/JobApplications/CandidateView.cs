namespace AppBackend.Application.JobApplications;

public sealed record CandidateView(string FullName, string Email, string? Phone, string? CvUrl);
