using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
