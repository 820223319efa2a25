using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.Analysis.RedispatchApplication;

/// <summary>
/// Sends a queued application's owed dispatch now, in this process (the admin tool's <c>jobs redispatch</c>), instead
/// of waiting for a dispatch worker. <paramref name="Owner"/> names the holder of the lease taken on the dispatch;
/// <paramref name="Lease"/> must outlast one whole dispatch (every attempt and wait), because nothing renews it: if
/// this process dies mid-way, a worker resumes the dispatch with the same idempotency key once the lease lapses.
/// </summary>
public sealed record RedispatchApplicationCommand(string ApplicationId, string Owner, TimeSpan Lease)
    : ICommand<Result<RedispatchReport>>, IApplicationMessage;
