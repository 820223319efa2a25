using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplicationHistory;

/// <summary>The application's timeline; same access rule as <see cref="GetApplication.GetApplicationQuery"/>.</summary>
public sealed record GetApplicationHistoryQuery(string ApplicationId) : IQuery<Result<ApplicationHistoryView>>, IApplicationMessage;
