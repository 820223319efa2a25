namespace AppBackend.Application.Analysis.DispatchApplication;

public enum DispatchOutcome
{
    /// <summary>The AI backend accepted; the application awaits its results.</summary>
    Dispatched,

    /// <summary>The dispatch failed for good; the application is <c>dispatch_failed</c> and may be retried.</summary>
    Failed,

    /// <summary>The record no longer matches the application (already dispatched, or superseded); it was dropped.</summary>
    Obsolete,
}
