using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.RetryApplication;

public sealed record RetryApplicationCommand(string ApplicationId) : ICommand<Result<JobApplicationView>>, IApplicationMessage;
