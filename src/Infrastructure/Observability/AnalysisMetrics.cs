using System.Diagnostics.Metrics;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Infrastructure.Observability;

/// <summary>
/// The <c>AppBackend</c> meter. The Prometheus exporter adds <c>_total</c> to counters and the unit to the
/// histogram, which gives exactly the names of contract section 5.
/// </summary>
public sealed class AnalysisMetrics : IAnalysisMetrics, IDisposable
{
    public const string MeterName = "AppBackend";

    private readonly Meter _meter;
    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _aiBackendErrors;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _alertsSent;

    public AnalysisMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _started = _meter.CreateCounter<long>("appbackend_analyses_started", description: "AI analysis jobs the AI backend accepted.");
        _finished = _meter.CreateCounter<long>("appbackend_analyses_finished", description: "AI analysis jobs with a final result, by outcome (done|failed).");
        _duration = _meter.CreateHistogram<double>(
            "appbackend_analysis_duration",
            unit: "s",
            description: "Time from dispatch to the final result of a job.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600] });
        _aiBackendErrors = _meter.CreateCounter<long>("appbackend_ai_backend_errors", description: "Failed calls to the AI backend, by kind.");
        _webhooks = _meter.CreateCounter<long>("appbackend_webhooks", description: "Webhook deliveries received, by result.");
        _alertsSent = _meter.CreateCounter<long>("appbackend_alerts_sent", description: "Alerts Slack accepted.");
    }

    public void AnalysesStarted(int jobs) => _started.Add(jobs);

    public void AnalysisFinished(bool done, TimeSpan? sinceDispatch)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", done ? StatusNames.Done : StatusNames.Failed);
        _finished.Add(1, outcome);
        if (sinceDispatch is { } duration && duration >= TimeSpan.Zero)
        {
            _duration.Record(duration.TotalSeconds, outcome);
        }
    }

    public void AiBackendError(string kind) => _aiBackendErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void WebhookReceived(string result) => _webhooks.Add(1, new KeyValuePair<string, object?>("result", result));

    public void AlertSent() => _alertsSent.Add(1);

    public void Dispose() => _meter.Dispose();
}
