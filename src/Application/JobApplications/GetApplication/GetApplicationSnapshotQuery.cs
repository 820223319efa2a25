using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplication;

/// <summary>
/// <see cref="GetApplicationQuery"/> plus the version the view was read at, for the event stream. Same access rule:
/// a candidate reaches only his own application, anything else is not found.
/// </summary>
public sealed record GetApplicationSnapshotQuery(string ApplicationId) : IQuery<Result<ApplicationSnapshot>>, IApplicationMessage;
