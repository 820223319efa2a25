using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.SubmitApplication;

public sealed record SubmitApplicationCommand(string ApplicationId) : ICommand<Result<JobApplicationView>>, IApplicationMessage;
