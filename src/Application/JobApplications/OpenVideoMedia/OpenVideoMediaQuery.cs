using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.OpenVideoMedia;

/// <summary>
/// Opens the stored file of a video response for serving. The caller has already checked the URL's signature:
/// nothing is looked up for an unsigned or tampered request.
/// </summary>
public sealed record OpenVideoMediaQuery(string VideoResponseId) : IQuery<Result<StoredMedia>>;
