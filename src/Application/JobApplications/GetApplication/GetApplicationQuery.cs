using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplication;

public sealed record GetApplicationQuery(string ApplicationId) : IQuery<Result<JobApplicationView>>, IApplicationMessage;
