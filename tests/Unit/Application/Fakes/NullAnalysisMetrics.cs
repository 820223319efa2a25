using AppBackend.Application.Common.Ports;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>Metrics that go nowhere: handler tests assert on state, not on counters.</summary>
internal sealed class NullAnalysisMetrics : IAnalysisMetrics
{
    public void AnalysesStarted(int jobs)
    {
    }

    public void AnalysisFinished(bool done, TimeSpan? sinceDispatch)
    {
    }

    public void AiBackendError(string kind)
    {
    }

    public void WebhookReceived(string result)
    {
    }

    public void AlertSent()
    {
    }
}
