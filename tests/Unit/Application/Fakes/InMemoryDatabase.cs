using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>
/// The database and its unit of work, in memory, with the semantics the handlers rely on: a read hands out a
/// tracked working copy, <see cref="SaveChangesAsync"/> commits every tracked change at once or none
/// (optimistic concurrency on the application's <see cref="AggregateRoot.Version"/> and on removed dispatches),
/// and <see cref="DiscardChanges"/> forgets the working copies. Tests see the committed state through
/// <see cref="CommittedApplication"/> and <see cref="CommittedDispatch"/>, and can change it behind the
/// handler's back (<see cref="WriteConcurrently"/>) or make saves fail (<see cref="FailNextSaves"/>).
/// </summary>
internal sealed class InMemoryDatabase : IUnitOfWork
{
    private readonly Dictionary<string, JobApplication> _applications = [];
    private readonly Dictionary<string, Interview> _interviews = [];
    private readonly Dictionary<string, PendingDispatch> _dispatches = [];

    private readonly Dictionary<string, (JobApplication Copy, long ReadVersion)> _trackedApplications = [];
    private readonly List<JobApplication> _addedApplications = [];
    private readonly List<PendingDispatch> _addedDispatches = [];
    private readonly HashSet<string> _removedDispatchKeys = [];
    private readonly Dictionary<string, PendingAlert> _alerts = [];
    private readonly List<PendingAlert> _addedAlerts = [];

    private int _forcedConflicts;

    public InMemoryDatabase()
    {
        JobApplications = new ApplicationRepository(this);
        Interviews = new InterviewRepository(this);
        DispatchQueue = new Queue(this);
        AlertOutbox = new Alerts(this);
    }

    public IJobApplicationRepository JobApplications { get; }

    public IInterviewRepository Interviews { get; }

    public IDispatchQueue DispatchQueue { get; }

    public IAlertOutbox AlertOutbox { get; }

    /// <summary>The texts of the alerts owed in committed state.</summary>
    public IReadOnlyList<string> CommittedAlerts => [.. _alerts.Values.Select(a => a.Text)];

    /// <summary>Every call of <see cref="SaveChangesAsync"/>, successful or not.</summary>
    public int SaveAttempts { get; private set; }

    public int SuccessfulSaves { get; private set; }

    public int DiscardCalls { get; private set; }

    /// <summary>Stores committed state directly, as if an earlier transaction had saved it.</summary>
    public InMemoryDatabase Seed(Interview interview, JobApplication application, params PendingDispatch[] dispatches)
    {
        _interviews[interview.Id] = interview;
        _applications[application.Id] = DeepCopy.Of(application);
        foreach (var dispatch in dispatches)
        {
            _dispatches[dispatch.IdempotencyKey] = dispatch;
        }

        return this;
    }

    public JobApplication? CommittedApplication(string id) => _applications.TryGetValue(id, out var application) ? application : null;

    public PendingDispatch? CommittedDispatch(string key) => _dispatches.GetValueOrDefault(key);

    public IReadOnlyCollection<PendingDispatch> CommittedDispatches => _dispatches.Values;

    /// <summary>Another writer changes the committed application (for example a webhook saved a result) and commits at once.</summary>
    public void WriteConcurrently(string applicationId, Action<JobApplication> change) => change(_applications[applicationId]);

    /// <summary>Another writer deletes a committed dispatch (for example another worker finished it).</summary>
    public void RemoveConcurrently(string key) => _dispatches.Remove(key);

    /// <summary>Deletes a committed application (it does not happen in production, but the handler must cope).</summary>
    public void DeleteApplication(string id) => _applications.Remove(id);

    /// <summary>The next <paramref name="count"/> saves throw <see cref="ConcurrencyConflictException"/> and commit nothing.</summary>
    public void FailNextSaves(int count) => _forcedConflicts = count;

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        SaveAttempts++;
        if (_forcedConflicts > 0)
        {
            _forcedConflicts--;
            throw new ConcurrencyConflictException("Forced by the test.");
        }

        foreach (var (id, (copy, readVersion)) in _trackedApplications)
        {
            var changed = copy.Version != readVersion;
            if (changed && (!_applications.TryGetValue(id, out var committed) || committed.Version != readVersion))
            {
                throw new ConcurrencyConflictException($"Application '{id}' was changed by another writer.");
            }
        }

        if (_addedAlerts.Any(a => _alerts.ContainsKey(a.Id)))
        {
            throw new ConcurrencyConflictException("An alert with that id was already stored.");
        }

        foreach (var key in _removedDispatchKeys)
        {
            if (!_dispatches.ContainsKey(key))
            {
                throw new ConcurrencyConflictException($"Dispatch '{key}' was already removed by another writer.");
            }
        }

        foreach (var id in _trackedApplications.Keys.ToList())
        {
            var copy = _trackedApplications[id].Copy;
            _applications[id] = DeepCopy.Of(copy);
            _trackedApplications[id] = (copy, copy.Version);
        }

        foreach (var application in _addedApplications)
        {
            _applications[application.Id] = DeepCopy.Of(application);
            _trackedApplications[application.Id] = (application, application.Version);
        }

        foreach (var key in _removedDispatchKeys)
        {
            _dispatches.Remove(key);
        }

        foreach (var dispatch in _addedDispatches)
        {
            _dispatches[dispatch.IdempotencyKey] = dispatch;
        }

        foreach (var alert in _addedAlerts)
        {
            _alerts[alert.Id] = alert;
        }

        _addedApplications.Clear();
        _addedDispatches.Clear();
        _removedDispatchKeys.Clear();
        _addedAlerts.Clear();
        SuccessfulSaves++;
        return Task.CompletedTask;
    }

    public void DiscardChanges()
    {
        DiscardCalls++;
        _trackedApplications.Clear();
        _addedApplications.Clear();
        _addedDispatches.Clear();
        _removedDispatchKeys.Clear();
        _addedAlerts.Clear();
    }

    private JobApplication? FindApplication(string id)
    {
        if (_trackedApplications.TryGetValue(id, out var tracked))
        {
            return tracked.Copy;
        }

        if (!_applications.TryGetValue(id, out var committed))
        {
            return null;
        }

        var copy = DeepCopy.Of(committed);
        _trackedApplications[id] = (copy, copy.Version);
        return copy;
    }

    /// <summary>Working copies of the committed applications whose videos run, or whose results came from, one of the jobs.</summary>
    private IReadOnlyList<JobApplication> FindApplicationsHolding(IReadOnlyCollection<string> jobIds) =>
        [.. _applications.Values
            .Where(a => a.VideoResponses.Any(v => v.JobId is { } job && jobIds.Contains(job)) || a.AiAnalysisResults.Any(r => jobIds.Contains(r.JobId)))
            .Select(a => a.Id)
            .ToList()
            .Select(id => FindApplication(id)!)];

    private PendingDispatch? FindDispatch(Func<PendingDispatch, bool> predicate) =>
        _dispatches.Values.Concat(_addedDispatches).FirstOrDefault(d => !_removedDispatchKeys.Contains(d.IdempotencyKey) && predicate(d));

    private sealed class ApplicationRepository(InMemoryDatabase database) : IJobApplicationRepository
    {
        public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(database.FindApplication(id));

        public Task<IReadOnlyList<JobApplication>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<JobApplication>>([.. ids.Select(database.FindApplication).OfType<JobApplication>()]);

        public Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken) =>
            Task.FromResult(database.FindApplicationsHolding([jobId]).FirstOrDefault());

        public Task<IReadOnlyList<JobApplication>> FindByJobIdsAsync(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken) =>
            Task.FromResult(database.FindApplicationsHolding(jobIds));

        public Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken) =>
            Task.FromResult(database._applications.Values.FirstOrDefault(a => a.VideoResponses.Any(v => v.Id == videoResponseId)) is { } held
                ? database.FindApplication(held.Id)
                : null);

        public void Add(JobApplication application) => database._addedApplications.Add(application);
    }

    private sealed class InterviewRepository(InMemoryDatabase database) : IInterviewRepository
    {
        public Task<Interview?> FindAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(database._interviews.GetValueOrDefault(id));

        public void Add(Interview interview) => database._interviews[interview.Id] = interview;
    }

    private sealed class Alerts(InMemoryDatabase database) : IAlertOutbox
    {
        public void Add(PendingAlert alert) => database._addedAlerts.Add(alert);

        public void Remove(PendingAlert alert) => database._alerts.Remove(alert.Id);

        public Task<IReadOnlyList<PendingAlert>> DueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PendingAlert>>([.. database._alerts.Values.Where(a => a.DueAt <= now).Take(take)]);
    }

    private sealed class Queue(InMemoryDatabase database) : IDispatchQueue
    {
        public void Add(PendingDispatch dispatch) => database._addedDispatches.Add(dispatch);

        public void Remove(PendingDispatch dispatch) => database._removedDispatchKeys.Add(dispatch.IdempotencyKey);

        public Task<PendingDispatch?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult(database.FindDispatch(d => d.IdempotencyKey == idempotencyKey));

        public Task<IReadOnlyList<PendingDispatch>> FindManyAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PendingDispatch>>([.. idempotencyKeys.Select(k => database.FindDispatch(d => d.IdempotencyKey == k)).OfType<PendingDispatch>()]);

        public Task<PendingDispatch?> FindForApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
            Task.FromResult(database.FindDispatch(d => d.ApplicationId == applicationId));

        public Task<IReadOnlyList<string>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Claims are the worker's business, not the dispatch handler's.");

        public Task<bool> ClaimAsync(string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Claims are the worker's business, not the dispatch handler's.");

        public Task<bool> RenewLeaseAsync(string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Claims are the worker's business, not the dispatch handler's.");

        public Task<bool> ReleaseLeaseAsync(string idempotencyKey, string owner, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Claims are the worker's business, not the dispatch handler's.");
    }
}
