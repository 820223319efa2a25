using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<(SetTable, SetKind, ulong), Shape> Shapes = new();

    private readonly List<EntityEntry> rows = [];

    private readonly Shape shape = Shapes.GetOrAdd((table, kind, changedColumns), static key => Shape.Of(key.Item1, key.Item2, key.Item3));

    public SetTable Table { get; } = table;

    public SetKind Kind { get; } = kind;

    public IReadOnlyList<EntityEntry> Rows => rows;

    public void Add(EntityEntry entry) => rows.Add(entry);

    public NpgsqlBatchCommand ToCommand()
    {
        var command = new NpgsqlBatchCommand(shape.Sql);
        foreach (var (column, original) in shape.Arrays)
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

    /// <summary>A statement's text and the arrays it takes, in parameter order: made once per table, kind and set of changed columns.</summary>
    private sealed record Shape(string Sql, IReadOnlyList<(SetColumn Column, bool Original)> Arrays)
    {
        public static Shape Of(SetTable table, SetKind kind, ulong changed)
        {
            var arrays = ArraysOf(table, kind, changed);
            return new Shape(Render(table, kind, arrays), arrays);
        }

        /// <summary>For an insert every column the database does not generate; for an update the key, the changed
        /// columns, then the tokens' original values; for a delete the key, then the tokens'.</summary>
        private static List<(SetColumn Column, bool Original)> ArraysOf(SetTable table, SetKind kind, ulong changed)
        {
            var keys = table.KeyColumns.Select(c => (c, false));
            var tokens = table.TokenColumns.Select(c => (c, true));
            return kind switch
            {
                SetKind.Insert => [.. table.Columns.Where(c => !c.IsGeneratedKey).Select(c => (c, false))],
                SetKind.Update => [.. keys, .. table.Columns.Where(c => (changed & (1UL << c.Position)) != 0).Select(c => (c, false)), .. tokens],
                _ => [.. keys, .. tokens],
            };
        }

        private static string Render(SetTable table, SetKind kind, List<(SetColumn Column, bool Original)> arrays)
        {
            var casts = arrays.Select((a, i) => $"${i + 1}::{a.Column.StoreType}[]");
            var source = $"unnest({string.Join(", ", casts)}) AS source({string.Join(", ", arrays.Select((_, i) => $"c{i}"))})";
            if (kind == SetKind.Insert)
            {
                return $"INSERT INTO {table.QuotedName} ({string.Join(", ", arrays.Select(a => a.Column.QuotedName))}) SELECT * FROM {source}";
            }

            var named = arrays.Select((a, i) => (a.Column, a.Original, Name: $"source.c{i}")).ToList();
            var match = string.Join(" AND ", named
                .Where(a => a.Column.IsKey || a.Original)
                .Select(a => a.Column.IsKey ? $"target.{a.Column.QuotedName} = {a.Name}" : $"target.{a.Column.QuotedName} IS NOT DISTINCT FROM {a.Name}"));
            if (kind == SetKind.Delete)
            {
                return $"DELETE FROM {table.QuotedName} AS target USING {source} WHERE {match}";
            }

            var set = string.Join(", ", named.Where(a => !a.Column.IsKey && !a.Original).Select(a => $"{a.Column.QuotedName} = {a.Name}"));
            return $"UPDATE {table.QuotedName} AS target SET {set} FROM {source} WHERE {match}";
        }
    }
}
