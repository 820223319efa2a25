using System.Diagnostics.Metrics;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Ports;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Observability;
using AppBackend.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Infrastructure.Persistence;

public sealed class GroupCommitTests : IDisposable
{
    private readonly BatchLog _log = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task Submit_ALoneItem_IsHandledAtOnceInABatchOfItsOwn()
    {
        await using var commit = NewGroupCommit();

        var answer = await commit.SubmitAsync(7, "ai-backend", CancellationToken.None);

        answer.Should().Be("7 by ai-backend");
        _log.Batches.Should().ContainSingle().Which.Should().Equal(7);
    }

    [Fact]
    public async Task Submit_ItemsQueuedWhileABatchCommits_GoTogetherInTheNextBatch()
    {
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        var queued = Enumerable.Range(2, 5).Select(i => commit.SubmitAsync(i, "ai-backend", CancellationToken.None).AsTask()).ToList();
        _log.Gate.SetResult();

        (await first).Should().Be("1 by ai-backend");
        (await Task.WhenAll(queued)).Should().Equal("2 by ai-backend", "3 by ai-backend", "4 by ai-backend", "5 by ai-backend", "6 by ai-backend");
        _log.Batches.Should().HaveCount(2);
        _log.Batches[1].Should().Equal(2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task Submit_ItemsOfDifferentActors_AreNeverInOneBatch()
    {
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        var byBackend = commit.SubmitAsync(2, "ai-backend", CancellationToken.None).AsTask();
        var byOperator = commit.SubmitAsync(3, "operator", CancellationToken.None).AsTask();
        _log.Gate.SetResult();

        (await Task.WhenAll(first, byBackend, byOperator)).Should().Equal("1 by ai-backend", "2 by ai-backend", "3 by operator");
        _log.Batches.Should().HaveCount(3);
    }

    [Fact]
    public async Task Submit_WhenABatchFails_TriesEachItemAloneSoOnlyTheBadOneFails()
    {
        using var measured = new CommitMeasurements(_meters);
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _log.Poison = 3;
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        var good = commit.SubmitAsync(2, "ai-backend", CancellationToken.None).AsTask();
        var bad = commit.SubmitAsync(3, "ai-backend", CancellationToken.None).AsTask();
        _log.Gate.SetResult();

        await first;
        (await good).Should().Be("2 by ai-backend");
        await FluentActions.Awaiting(() => bad).Should().ThrowAsync<InvalidOperationException>().WithMessage("poisoned item 3");
        _log.Batches.Select(b => string.Join(",", b)).Should().Equal("1", "2,3", "2", "3");
        measured.Items.Should().Equal([1, 1], "the failed batch and the failed item are not measured, each committed one is");
    }

    [Fact]
    public async Task Submit_WhenTheDatabaseIsUnavailable_FailsTheWholeBatchAtOnce()
    {
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        _log.Unavailable = true;
        var queued = new[] { commit.SubmitAsync(2, "ai-backend", CancellationToken.None).AsTask(), commit.SubmitAsync(3, "ai-backend", CancellationToken.None).AsTask() };
        _log.Gate.SetResult();

        await first;
        foreach (var item in queued)
        {
            await FluentActions.Awaiting(() => item).Should().ThrowAsync<TimeoutException>();
        }

        _log.Batches.Select(b => string.Join(",", b)).Should().Equal("1", "2,3");
    }

    [Fact]
    public async Task Submit_ACallerThatStopsWaiting_StillHasItsItemCommitted()
    {
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        using var gone = new CancellationTokenSource();
        var abandoned = commit.SubmitAsync(2, "ai-backend", gone.Token).AsTask();
        await gone.CancelAsync();
        await FluentActions.Awaiting(() => abandoned).Should().ThrowAsync<OperationCanceledException>();
        _log.Gate.SetResult();

        await first;
        (await commit.SubmitAsync(3, "ai-backend", CancellationToken.None)).Should().Be("3 by ai-backend");
        _log.Batches.SelectMany(b => b).Should().Contain(2);
    }

    [Fact]
    public async Task Submit_EachCommittedTransaction_IsMeasuredWithItsItemsAndItsTime()
    {
        using var measured = new CommitMeasurements(_meters);
        await using var commit = NewGroupCommit();
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _log.Elapse = (_clock, TimeSpan.FromMilliseconds(12));
        var first = commit.SubmitAsync(1, "ai-backend", CancellationToken.None).AsTask();
        await _log.Entered.Task;

        var queued = Enumerable.Range(2, 4).Select(i => commit.SubmitAsync(i, "ai-backend", CancellationToken.None).AsTask()).ToList();
        _log.Gate.SetResult();
        await Task.WhenAll([first, .. queued]);

        measured.Items.Should().Equal(1, 4);
        measured.Seconds.Should().Equal(0.012, 0.012);
        measured.Kinds.Should().OnlyContain(kind => kind == nameof(Int32));
    }

    public void Dispose() => _meters.Dispose();

    private GroupCommit<int, string> NewGroupCommit()
    {
        var services = new ServiceCollection();
        services.AddScoped<ScopedRequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<ScopedRequestContext>());
        services.AddSingleton(_log);
        services.AddScoped<IGroupCommitHandler<int, string>, RecordingHandler>();
        var provider = services.BuildServiceProvider();
        return new GroupCommit<int, string>(
            provider.GetRequiredService<IServiceScopeFactory>(), new GroupCommitMetrics(_meters), _clock, NullLogger<GroupCommit<int, string>>.Instance);
    }

    /// <summary>Answers each item with the actor of its scope; the first batch can be held at a gate while others queue.</summary>
    private sealed class RecordingHandler(BatchLog log, IRequestContext work) : IGroupCommitHandler<int, string>
    {
        public async ValueTask<IReadOnlyList<string>> HandleAsync(IReadOnlyList<int> items, CancellationToken cancellationToken)
        {
            lock (log.Batches)
            {
                log.Batches.Add([.. items]);
            }

            log.Entered.TrySetResult();
            if (log.Gate is { } gate)
            {
                await gate.Task;
            }

            if (log.Elapse is var (clock, by))
            {
                clock.Advance(by);
            }

            if (log.Unavailable && items.Count > 1)
            {
                throw new TimeoutException("the database did not answer");
            }

            if (log.Poison is { } poison && items.Contains(poison))
            {
                throw new InvalidOperationException($"poisoned item {poison}");
            }

            return [.. items.Select(i => $"{i} by {work.Actor}")];
        }
    }

    private sealed class BatchLog
    {
        public List<int[]> Batches { get; } = [];

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource? Gate { get; set; }

        public int? Poison { get; set; }

        public bool Unavailable { get; set; }

        /// <summary>Time each batch takes, on the fake clock.</summary>
        public (FakeTimeProvider Clock, TimeSpan By)? Elapse { get; set; }
    }

    /// <summary>Meters of this test only (their scope), so that other tests' group commits are not counted.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    /// <summary>What <see cref="GroupCommitMetrics"/> recorded through meters of <paramref name="meters"/>.</summary>
    private sealed class CommitMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();

        public CommitMeasurements(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name.StartsWith("appbackend_group_commit_", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Add(Items, value, tags));
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(Seconds, value, tags));
            _listener.Start();
        }

        public List<int> Items { get; } = [];

        public List<double> Seconds { get; } = [];

        public List<string> Kinds { get; } = [];

        public void Dispose() => _listener.Dispose();

        private void Add<T>(List<T> values, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (Kinds)
            {
                values.Add(value);
                foreach (var tag in tags)
                {
                    if (tag.Key == "kind")
                    {
                        Kinds.Add((string)tag.Value!);
                    }
                }
            }
        }
    }
}
