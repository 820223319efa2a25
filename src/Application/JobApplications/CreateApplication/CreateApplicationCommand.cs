using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.CreateApplication;

public sealed record CreateApplicationCommand(string? InterviewId, CandidateInput? Candidate)
    : ICommand<Result<JobApplicationView>>;

public sealed record CandidateInput(string? FullName, string? Email, string? Phone, string? CvUrl);
