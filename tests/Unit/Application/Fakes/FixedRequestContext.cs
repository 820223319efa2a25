using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed class FixedRequestContext(string requestId, string actor = Actors.System) : IRequestContext
{
    public string RequestId { get; } = requestId;

    public string Actor { get; } = actor;
}
