using AppBackend.Application.Common.Ports;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed class FixedRequestContext(string requestId) : IRequestContext
{
    public string RequestId { get; } = requestId;
}
