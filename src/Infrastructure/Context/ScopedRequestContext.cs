using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;

namespace AppBackend.Infrastructure.Context;

/// <summary>
/// The work of one scope: the correlation id is set from <c>X-Request-Id</c> by the WebApi, or made by a worker per
/// unit of work; the actor is set by the WebApi from the caller (or the endpoint), by each worker and by the admin tool.
/// </summary>
public sealed class ScopedRequestContext : IRequestContext
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");

    public string Actor { get; set; } = Actors.System;
}
