using System.Text.Json;
using AppBackend.Application.Common.Events;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Serialization;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.JobApplications;
using AppBackend.Domain.JobApplications.Events;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The unit of work's half of the event log: turns the domain events of the applications a save changes into log
/// entries (with the actor of the work in progress and the view at the new version), and after the commit tells this
/// instance's streams and, through <see cref="ICommitBroadcast"/>, the other instances. An application changed without an event, or with more than one in a save, is a bug:
/// one save, one version, one event.
/// </summary>
public sealed class ApplicationEventWriter(IMapper mapper, IRequestContext work, ApplicationEventHub hub, ICommitBroadcast others)
{
    /// <summary>Adds the entries for the tracked applications' pending events to <paramref name="db"/> and returns them.</summary>
    public IReadOnlyList<ApplicationEventEntry> Add(DbContext db)
    {
        var entries = new List<ApplicationEventEntry>();
        foreach (var tracked in db.ChangeTracker.Entries<JobApplication>())
        {
            var application = tracked.Entity;
            var changes = application.DomainEvents.OfType<JobApplicationEvent>().ToList();
            if (changes.Count == 0)
            {
                if (tracked.State is EntityState.Added or EntityState.Modified)
                {
                    throw new InvalidOperationException($"Application '{application.Id}' changed without a domain event.");
                }

                continue;
            }

            if (changes.Count > 1)
            {
                throw new InvalidOperationException(
                    $"Application '{application.Id}' made {changes.Count} changes in one save; each change is saved on its own.");
            }

            var change = changes[0];
            var description = ApplicationEventDescription.Of(change);
            entries.Add(new ApplicationEventEntry(
                application.Id,
                change.Version,
                change.At,
                description.Type,
                StatusNames.Of(application.Status),
                work.Actor,
                description.Details.ToJsonString(ViewJson.Options),
                JsonSerializer.Serialize(mapper.Map<JobApplicationView>(application), ViewJson.Options)));
            application.ClearDomainEvents();
        }

        db.AddRange(entries);
        return entries;
    }

    /// <summary>After the commit: this instance's streams learn at once, the other instances from the broadcast.</summary>
    public void Committed(IReadOnlyList<ApplicationEventEntry> entries, bool dispatchOwed)
    {
        foreach (var entry in entries)
        {
            hub.Announce(entry.ApplicationId, entry.Version);
        }

        others.Committed(entries, dispatchOwed);
    }
}
