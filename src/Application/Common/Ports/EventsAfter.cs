namespace AppBackend.Application.Common.Ports;

/// <summary>
/// The answer to "what happened after version N": <see cref="Events"/> continue at N + 1 without gaps. When
/// <see cref="Replayable"/> is false the log cannot continue there (the replay data of N + 1 is pruned, or N + 1 was
/// never logged), and the events after N are lost to this reader: it must start again from the current state.
/// </summary>
public sealed record EventsAfter(IReadOnlyList<StreamedEvent> Events, bool Replayable)
{
    public static EventsAfter Nothing { get; } = new([], true);

    public static EventsAfter Gap { get; } = new([], false);
}
