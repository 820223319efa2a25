using AppBackend.Application.Common.Ports;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed class RecordingAlertSink : IAlertSink
{
    private readonly List<string> _alerts = [];

    public IReadOnlyList<string> Alerts => _alerts;

    public Task<bool> SendAsync(string text, CancellationToken cancellationToken)
    {
        _alerts.Add(text);
        return Task.FromResult(true);
    }
}
