using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AppBackend.Infrastructure.Persistence.SetSave;

/// <summary>
/// How one entity type's rows are written set by set: its table and its columns, or <see cref="IsRefused"/> when they
/// cannot be, and a save that changes them is left to EF Core.
/// </summary>
internal sealed class SetTable
{
    private SetTable(IEntityType entityType, bool refused, string name, IReadOnlyList<SetColumn> columns, bool insertRefused)
    {
        EntityType = entityType;
        IsRefused = refused;
        QuotedName = name;
        Columns = columns;
        KeyColumns = columns.Where(c => c.IsKey).ToList();
        TokenColumns = columns.Where(c => c.IsConcurrencyToken && !c.IsKey).ToList();
        GeneratesKey = columns.Any(c => c.IsGeneratedKey);
        InsertRefused = insertRefused;
        Depth = DepthOf(entityType, []);
    }

    public IEntityType EntityType { get; }

    public bool IsRefused { get; }

    public string QuotedName { get; }

    /// <summary>
    /// The columns this writes, in the mapping's order; a column's position is its bit in a set of changed columns. A
    /// complex property's columns are not among them: a change to one, or an insert of its type, is EF Core's.
    /// </summary>
    public IReadOnlyList<SetColumn> Columns { get; }

    public IReadOnlyList<SetColumn> KeyColumns { get; }

    public IReadOnlyList<SetColumn> TokenColumns { get; }

    /// <summary>The key is the database's (an identity): inserted rows are not read back, so their entries are let go.</summary>
    public bool GeneratesKey { get; }

    /// <summary>Rows of this type can change and go, but a new one is EF Core's to insert (a complex property's columns).</summary>
    public bool InsertRefused { get; }

    /// <summary>The longest chain of foreign keys from this table to the principals: inserts go shallow first, deletes deep first.</summary>
    public int Depth { get; }

    public static SetTable Of(IEntityType entityType, ISqlGenerationHelper sql)
    {
        var mappings = entityType.GetTableMappings().ToList();

        // A table shared or split between types, or a hierarchy: EF Core's to write.
        if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1
            || entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any())
        {
            return Refused(entityType);
        }

        var table = mappings[0].Table;
        var columns = new List<SetColumn>();
        foreach (var mapping in mappings[0].ColumnMappings.Where(m => m.Property.DeclaringType == entityType))
        {
            var property = mapping.Property;
            var generatedKey = property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey();

            // A value the database generates is read back by EF Core; only a lone key nothing refers to is not needed.
            if ((property.ValueGenerated != ValueGenerated.Never && !generatedKey)
                || (generatedKey && (entityType.FindPrimaryKey()!.Properties.Count != 1 || entityType.GetReferencingForeignKeys().Any())))
            {
                return Refused(entityType);
            }

            var converter = mapping.TypeMapping.Converter;
            columns.Add(new SetColumn(
                columns.Count, property, sql.DelimitIdentifier(mapping.Column.Name), mapping.Column.StoreType, converter, ElementType(property, converter),
                property.IsPrimaryKey(), property.IsConcurrencyToken, generatedKey));
        }

        // A set of changed columns is one bit each in a ulong.
        return columns.Count > 64
            ? Refused(entityType)
            : new SetTable(entityType, false, sql.DelimitIdentifier(table.Name, table.Schema), columns, insertRefused: entityType.GetComplexProperties().Any());
    }

    private static SetTable Refused(IEntityType entityType) => new(entityType, true, string.Empty, [], insertRefused: true);

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
    bool IsGeneratedKey)
{
    public object? ToProvider(object? value) => value is null || Converter is null ? value : Converter.ConvertToProvider(value);
}
