using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence.SetSave;

internal enum SetKind
{
    Insert,
    Update,
    Delete,
}

/// <summary>
/// The rows of one table that a save inserts, or updates in the same columns, or deletes: one statement over
/// <c>unnest</c> of one array per column. An update or delete finds each row by its key and its concurrency tokens'
/// original values, so it must touch exactly as many rows as it holds.
/// </summary>
internal sealed class SetStatement(SetTable table, SetKind kind, ulong changedColumns)
{
    private static readonly ConcurrentDictionary<(SetTable, SetKind, ulong), string> Sql = new();

    private readonly List<EntityEntry> rows = [];

    public SetTable Table { get; } = table;

    public SetKind Kind { get; } = kind;

    public ulong ChangedColumns { get; } = changedColumns;

    public IReadOnlyList<EntityEntry> Rows => rows;

    public void Add(EntityEntry entry) => rows.Add(entry);

    public NpgsqlBatchCommand ToCommand()
    {
        var command = new NpgsqlBatchCommand(Sql.GetOrAdd((Table, Kind, ChangedColumns), static key => Render(key.Item1, key.Item2, key.Item3)));
        foreach (var (column, original) in Arrays(Table, Kind, ChangedColumns))
        {
            var values = Array.CreateInstance(column.ElementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var entry = rows[i];
                var value = original ? entry.OriginalValues[column.Property] : entry.CurrentValues[column.Property];
                values.SetValue(column.ToProvider(value), i);
            }

            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }

        return command;
    }

    /// <summary>The arrays, in parameter order: for an insert every column the database does not generate; for an update
    /// the key, the changed columns, then the tokens' original values; for a delete the key, then the tokens'.</summary>
    private static IEnumerable<(SetColumn Column, bool Original)> Arrays(SetTable table, SetKind kind, ulong changed)
    {
        if (kind == SetKind.Insert)
        {
            return table.Columns.Where(c => !c.IsGeneratedKey && !c.InComplexType).Select(c => (c, false));
        }

        var keys = table.KeyColumns.Select(c => (c, false));
        var tokens = table.TokenColumns.Select(c => (c, true));
        return kind == SetKind.Update
            ? keys.Concat(table.Columns.Where(c => IsSet(changed, c)).Select(c => (c, false))).Concat(tokens)
            : keys.Concat(tokens);
    }

    public static bool IsSet(ulong changed, SetColumn column) => (changed & (1UL << column.Position)) != 0;

    private static string Render(SetTable table, SetKind kind, ulong changed)
    {
        var arrays = Arrays(table, kind, changed).ToList();
        var source = new StringBuilder("unnest(");
        for (var i = 0; i < arrays.Count; i++)
        {
            source.Append(i == 0 ? "" : ", ").Append('$').Append(i + 1).Append("::").Append(arrays[i].Column.StoreType).Append("[]");
        }

        source.Append(") AS source(").AppendJoin(", ", arrays.Select((_, i) => $"c{i}")).Append(')');
        if (kind == SetKind.Insert)
        {
            return $"INSERT INTO {table.QuotedName} ({string.Join(", ", arrays.Select(a => a.Column.QuotedName))}) SELECT * FROM {source}";
        }

        var match = string.Join(" AND ", arrays
            .Select((a, i) => (a.Column, a.Original, Name: $"source.c{i}"))
            .Where(a => a.Column.IsKey || a.Original)
            .Select(a => a.Column.IsKey ? $"target.{a.Column.QuotedName} = {a.Name}" : $"target.{a.Column.QuotedName} IS NOT DISTINCT FROM {a.Name}"));
        if (kind == SetKind.Delete)
        {
            return $"DELETE FROM {table.QuotedName} AS target USING {source} WHERE {match}";
        }

        var set = string.Join(", ", arrays
            .Select((a, i) => (a.Column, a.Original, Name: $"source.c{i}"))
            .Where(a => !a.Column.IsKey && !a.Original)
            .Select(a => $"{a.Column.QuotedName} = {a.Name}"));
        return $"UPDATE {table.QuotedName} AS target SET {set} FROM {source} WHERE {match}";
    }
}
