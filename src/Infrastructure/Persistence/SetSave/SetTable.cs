using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AppBackend.Infrastructure.Persistence.SetSave;

/// <summary>
/// How one entity type's rows are written set by set: its table and its columns, or why it cannot be (then
/// <see cref="Refusal"/> says so, and a save that changes it is left to EF Core).
/// </summary>
internal sealed class SetTable
{
    private SetTable(IEntityType entityType, string? refusal, string name, IReadOnlyList<SetColumn> columns, bool insertRefused)
    {
        EntityType = entityType;
        Refusal = refusal;
        QuotedName = name;
        Columns = columns;
        KeyColumns = columns.Where(c => c.IsKey).ToList();
        TokenColumns = columns.Where(c => c.IsConcurrencyToken && !c.IsKey && !c.InComplexType).ToList();
        GeneratesKey = columns.Any(c => c.IsGeneratedKey);
        InsertRefused = insertRefused;
        Depth = DepthOf(entityType, []);
    }

    public IEntityType EntityType { get; }

    /// <summary>Why this type's rows are not written set by set; null when they are.</summary>
    public string? Refusal { get; }

    public string QuotedName { get; }

    /// <summary>The columns in the mapping's order; a column's position is its bit in a set of changed columns.</summary>
    public IReadOnlyList<SetColumn> Columns { get; }

    public IReadOnlyList<SetColumn> KeyColumns { get; }

    public IReadOnlyList<SetColumn> TokenColumns { get; }

    /// <summary>The key is the database's (an identity): inserted rows are not read back, so their entries are let go.</summary>
    public bool GeneratesKey { get; }

    /// <summary>Rows of this type can change and go, but a new one is EF Core's to insert (a complex property's columns).</summary>
    public bool InsertRefused { get; }

    /// <summary>The longest chain of foreign keys from this table to the principals: inserts go shallow first, deletes deep first.</summary>
    public int Depth { get; }

    public static SetTable Of(IEntityType entityType)
    {
        var mappings = entityType.GetTableMappings().ToList();
        if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1)
        {
            return Refused(entityType, "its table is shared or split");
        }

        if (entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any())
        {
            return Refused(entityType, "it is part of a hierarchy");
        }

        var table = mappings[0].Table;
        var columns = new List<SetColumn>();
        foreach (var mapping in mappings[0].ColumnMappings)
        {
            var property = mapping.Property;
            var generatedKey = property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey();
            if (property.ValueGenerated != ValueGenerated.Never && !generatedKey)
            {
                return Refused(entityType, $"the database generates '{property.Name}'");
            }

            if (generatedKey && (entityType.FindPrimaryKey()!.Properties.Count != 1 || entityType.GetReferencingForeignKeys().Any()))
            {
                return Refused(entityType, "its generated key is referenced or composite");
            }

            var converter = mapping.TypeMapping.Converter;
            columns.Add(new SetColumn(
                columns.Count, property, Quote(mapping.Column.Name), mapping.Column.StoreType, converter, ElementType(property, converter),
                property.IsPrimaryKey(), property.IsConcurrencyToken, generatedKey, InComplexType: property.DeclaringType != entityType));
        }

        if (columns.Count > 64)
        {
            return Refused(entityType, "it has more columns than a set of changed columns holds");
        }

        var name = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        return new SetTable(entityType, null, name, columns, insertRefused: entityType.GetComplexProperties().Any());
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static SetTable Refused(IEntityType entityType, string why) =>
        new(entityType, $"{entityType.DisplayName()}: {why}", string.Empty, [], insertRefused: true);

    private static int DepthOf(IEntityType entityType, HashSet<IEntityType> path)
    {
        path.Add(entityType);
        var depth = 0;
        foreach (var key in entityType.GetForeignKeys())
        {
            if (!path.Contains(key.PrincipalEntityType))
            {
                depth = Math.Max(depth, 1 + DepthOf(key.PrincipalEntityType, path));
            }
        }

        path.Remove(entityType);
        return depth;
    }

    /// <summary>The element type of a column's array: the provider's type, nullable when the column is.</summary>
    private static Type ElementType(IProperty property, ValueConverter? converter)
    {
        var type = converter?.ProviderClrType ?? property.ClrType;
        return type.IsValueType && Nullable.GetUnderlyingType(type) is null && property.IsNullable
            ? typeof(Nullable<>).MakeGenericType(type)
            : type;
    }
}

/// <summary>One column: where it is, its store type (the array's cast), and how a model value becomes a provider value.</summary>
internal sealed record SetColumn(
    int Position,
    IProperty Property,
    string QuotedName,
    string StoreType,
    ValueConverter? Converter,
    Type ElementType,
    bool IsKey,
    bool IsConcurrencyToken,
    bool IsGeneratedKey,
    bool InComplexType)
{
    public object? ToProvider(object? value) => value is null || Converter is null ? value : Converter.ConvertToProvider(value);
}
