using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence.SetSave;

/// <summary>
/// PostgreSQL: a save's tracked changes written set by set, one statement per table, kind of change and set of changed
/// columns, in one round trip and one transaction, instead of EF Core's statement per row. A batch of sixteen callbacks
/// is then four statements, not sixty-four (benchmarks/README.md, finding 18). The changes must be detected already.
/// A save holding a change this does not write (a complex property's columns, a value the database generates on update,
/// a table shared by two types, a row deleted and inserted again under one key) is left to EF Core whole.
/// </summary>
internal sealed class SetSavePlan
{
    private static readonly ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IEntityType, SetTable> Tables = new();

    /// <summary>
    /// The statements' prepared plans are generic: with the arrays' lengths known, PostgreSQL plans a statement of fewer
    /// than ten rows anew on every execution, finding it cheaper than the generic plan it estimates for ten; both are the
    /// same nested loop over the key. For the rest of this transaction only (benchmarks/README.md, finding 18).
    /// </summary>
    private const string GenericPlans = "SET LOCAL plan_cache_mode = force_generic_plan";

    private readonly List<SetStatement> statements;

    private SetSavePlan(List<SetStatement> statements) => this.statements = statements;

    /// <summary>The plan for what <paramref name="tracker"/> holds, or null when EF Core should save it.</summary>
    public static SetSavePlan? Of(ChangeTracker tracker)
    {
        var groups = new Dictionary<(SetTable, SetKind, ulong), SetStatement>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var table = Tables.GetOrAdd(entry.Metadata, static (type, context) => SetTable.Of(type, context.GetService<ISqlGenerationHelper>()), tracker.Context);
            if (table.IsRefused)
            {
                return null;
            }

            (SetKind Kind, ulong Changed)? shape = entry.State switch
            {
                EntityState.Added => table.InsertRefused ? null : (SetKind.Insert, 0UL),
                EntityState.Deleted => (SetKind.Delete, 0UL),
                _ => ChangedColumns(table, entry) is { } columns ? (SetKind.Update, columns) : null,
            };
            if (shape is not { } known)
            {
                return null;
            }

            var (kind, changed) = known;
            if (kind == SetKind.Update && changed == 0)
            {
                continue; // marked modified, but no column it writes differs: nothing to send
            }

            if (!groups.TryGetValue((table, kind, changed), out var statement))
            {
                groups.Add((table, kind, changed), statement = new SetStatement(table, kind, changed));
            }

            statement.Add(entry);
        }

        if (ReinsertsADeletedKey(groups.Values))
        {
            return null;
        }

        return new SetSavePlan(groups.Values
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Kind == SetKind.Delete ? -s.Table.Depth : s.Table.Depth)
            .ToList());
    }

    /// <summary>Writes the plan: in the unit of work's transaction when one is open, else in one of its own.</summary>
    /// <exception cref="DbUpdateConcurrencyException">An update or delete found fewer rows than it holds.</exception>
    /// <exception cref="DbUpdateException">The database refused a statement (a unique key, a foreign key, ...).</exception>
    public async Task WriteAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var own = database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var transaction = (NpgsqlTransaction)database.CurrentTransaction!.GetDbTransaction();
            await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
            if (database.GetCommandTimeout() is { } timeout)
            {
                batch.Timeout = timeout;
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand(GenericPlans));
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement.ToCommand());
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex);
            }

            for (var i = 0; i < statements.Count; i++)
            {
                var written = batch.BatchCommands[i + 1].RecordsAffected;
                if (statements[i].Kind != SetKind.Insert && written != statements[i].Rows.Count)
                {
                    throw new DbUpdateConcurrencyException(
                        $"Expected to {statements[i].Kind.ToString().ToLowerInvariant()} {statements[i].Rows.Count} row(s) of " +
                        $"{statements[i].Table.EntityType.DisplayName()}, found {written}: another writer changed or removed them since they were read.");
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>After the commit, what EF Core's save does: the rows written are the tracked state now. Rows whose key the
    /// database generated were not read back, so their entries are let go (nothing reads them after the save).</summary>
    public void Accept(ChangeTracker tracker)
    {
        foreach (var statement in statements.Where(s => s.Kind == SetKind.Insert && s.Table.GeneratesKey))
        {
            foreach (var entry in statement.Rows)
            {
                entry.State = EntityState.Detached;
            }
        }

        tracker.AcceptAllChanges();
    }

    /// <summary>The columns an update writes, one bit each, or null when it changes what this cannot write.</summary>
    private static ulong? ChangedColumns(SetTable table, EntityEntry entry)
    {
        if (entry.ComplexProperties.Any(c => c.IsModified))
        {
            return null;
        }

        var changed = 0UL;
        foreach (var column in table.Columns)
        {
            if (!entry.Property(column.Property).IsModified)
            {
                continue;
            }

            if (column.IsKey)
            {
                return null;
            }

            changed |= 1UL << column.Position;
        }

        return changed;
    }

    /// <summary>A row deleted and inserted again under one key needs EF Core's ordering of the two.</summary>
    private static bool ReinsertsADeletedKey(IEnumerable<SetStatement> statements)
    {
        var byTable = statements.GroupBy(s => s.Table).Where(g => g.Any(s => s.Kind == SetKind.Delete) && g.Any(s => s.Kind == SetKind.Insert));
        foreach (var table in byTable)
        {
            var deleted = table.Where(s => s.Kind == SetKind.Delete).SelectMany(s => s.Rows).Select(KeyOf).ToHashSet(StringComparer.Ordinal);
            if (table.Where(s => s.Kind == SetKind.Insert).SelectMany(s => s.Rows).Any(r => deleted.Contains(KeyOf(r))))
            {
                return true;
            }
        }

        return false;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join('\u001f', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
}
