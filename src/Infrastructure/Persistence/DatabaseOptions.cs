using System.ComponentModel.DataAnnotations;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section (contract section 6).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string DefaultConnectionString = "Data Source=appbackend.db";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>; never guessed.</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStartup { get; set; } = true;
}
