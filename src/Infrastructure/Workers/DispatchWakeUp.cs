using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Workers;

/// <summary>
/// The dispatch worker's alarm: raised in-process after a commit that made a dispatch owed (a submit, a retry) and, on
/// PostgreSQL, by <see cref="Events.PostgresEventListener"/> when another instance's commit announces one. Raises
/// coalesce: however many arrive while the worker looks at the queue, it looks once more, not once per raise.
/// </summary>
public sealed class DispatchWakeUp : IDispatchWakeUp
{
    private TaskCompletionSource _raised = NewRaise();

    public void DispatchOwed() => Volatile.Read(ref _raised).TrySetResult();

    /// <summary>
    /// Called right before the worker looks at the queue: raises from before this moment are forgotten (that look sees
    /// their dispatches, committed before they were raised); the task returned completes at the next raise.
    /// </summary>
    internal Task Arm()
    {
        // Only the one worker arms; a raise racing this either completes the new source or came before the look.
        if (Volatile.Read(ref _raised).Task.IsCompleted)
        {
            Volatile.Write(ref _raised, NewRaise());
        }

        return Volatile.Read(ref _raised).Task;
    }

    /// <summary>Waits until <paramref name="armed"/> is raised or <paramref name="idleDelay"/> passes on <paramref name="clock"/>; false when stopped.</summary>
    internal static async Task<bool> WaitAsync(Task armed, TimeSpan idleDelay, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (armed.IsCompleted)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(idleDelay, clock, idle.Token);
        await Task.WhenAny(armed, delay);
        await idle.CancelAsync();
        return !cancellationToken.IsCancellationRequested;
    }

    private static TaskCompletionSource NewRaise() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
