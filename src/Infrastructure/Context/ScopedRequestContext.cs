using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Context;

/// <summary>The correlation id of one scope: set from <c>X-Request-Id</c> by the WebApi, or made by a worker per unit of work.</summary>
public sealed class ScopedRequestContext : IRequestContext
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
}
