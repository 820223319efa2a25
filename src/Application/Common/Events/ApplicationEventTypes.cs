namespace AppBackend.Application.Common.Events;

/// <summary>
/// The closed set of <c>type</c> values of an application's history (contract section 1): one per transition of the
/// aggregate. The status the change led to is the item's <c>status</c>, so a result that completes the application is
/// a <see cref="ResultApplied"/> with status <c>completed</c>.
/// </summary>
public static class ApplicationEventTypes
{
    public const string Created = "created";
    public const string VideoAdded = "video_added";
    public const string VideoReplaced = "video_replaced";
    public const string Submitted = "submitted";
    public const string DispatchAccepted = "dispatch_accepted";
    public const string DispatchFailed = "dispatch_failed";
    public const string ResultApplied = "result_applied";
    public const string RetryRequested = "retry_requested";
    public const string JobPolled = "job_polled";
    public const string StuckJobAlerted = "stuck_job_alerted";

    public static IReadOnlyList<string> All { get; } =
    [
        Created, VideoAdded, VideoReplaced, Submitted, DispatchAccepted, DispatchFailed, ResultApplied, RetryRequested, JobPolled,
        StuckJobAlerted,
    ];
}
