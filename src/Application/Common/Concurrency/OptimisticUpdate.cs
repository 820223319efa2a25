using AppBackend.Domain.Common;

namespace AppBackend.Application.Common.Concurrency;

/// <summary>
/// The one place that owns load → decide → save and what happens when another writer saved first (the aggregate's
/// version check throws <see cref="ConcurrencyConflictException"/>). An attempt loads what it needs, decides, and
/// returns a <see cref="Decision{T}"/>; this saves it and, on a conflict, forgets every loaded aggregate so the next
/// attempt decides again on a fresh read.
/// </summary>
public sealed class OptimisticUpdate(IUnitOfWork unitOfWork)
{
    /// <summary>
    /// For a change that must land (a result, a dispatch answer): up to <paramref name="maxAttempts"/> attempts, each
    /// after the first (and the first too, when <paramref name="readFresh"/>) on a fresh read; <paramref name="onConflict"/>
    /// hears of every conflict but the last, which propagates.
    /// </summary>
    public async ValueTask<T> RetryAsync<T>(
        int maxAttempts,
        Func<CancellationToken, ValueTask<Decision<T>>> attempt,
        Action<int> onConflict,
        CancellationToken cancellationToken,
        bool readFresh = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var number = 1; ; number++)
        {
            try
            {
                if (number > 1 || readFresh)
                {
                    unitOfWork.DiscardChanges();
                }

                var decision = await attempt(cancellationToken);
                if (decision.Save)
                {
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                }

                return decision.Value;
            }
            catch (ConcurrencyConflictException) when (number < maxAttempts)
            {
                onConflict(number);
            }
        }
    }

    /// <summary>
    /// For a claim that only one instance may win (a poll, an alert, a delivery): one attempt, on a fresh read when
    /// <paramref name="readFresh"/>. A conflict means another writer got there first, whose decision stands: the
    /// changes are forgotten and the answer is <paramref name="lost"/>.
    /// </summary>
    public async ValueTask<T> FirstWriterWinsAsync<T>(
        Func<CancellationToken, ValueTask<Decision<T>>> attempt,
        T lost,
        CancellationToken cancellationToken,
        bool readFresh = true)
    {
        if (readFresh)
        {
            unitOfWork.DiscardChanges();
        }

        try
        {
            var decision = await attempt(cancellationToken);
            if (decision.Save)
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }

            return decision.Value;
        }
        catch (ConcurrencyConflictException)
        {
            unitOfWork.DiscardChanges();
            return lost;
        }
    }
}
