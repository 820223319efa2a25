using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteAppDbContext</c> build the model without the WebApi.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseOptions.DefaultConnectionString).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresAppDbContext</c> build the model; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=appbackend").Options);
}
