namespace AppBackend.Application.Common.Concurrency;

/// <summary>What one attempt of an <see cref="OptimisticUpdate"/> decided: its answer, and whether its changes are saved.</summary>
public readonly record struct Decision<T>(T Value, bool Save);

public static class Decision
{
    /// <summary>The attempt changed something: save it, then answer <paramref name="value"/>.</summary>
    public static Decision<T> Save<T>(T value) => new(value, Save: true);

    /// <summary>Nothing to save (nothing owed, or a refusal): answer <paramref name="value"/> as it is.</summary>
    public static Decision<T> Answer<T>(T value) => new(value, Save: false);
}
