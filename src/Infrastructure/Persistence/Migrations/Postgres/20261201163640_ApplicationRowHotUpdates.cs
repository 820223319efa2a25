using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Less work for the database per change (benchmarks/README.md, finding 13):
    /// <list type="bullet">
    /// <item><c>job_applications</c> keeps a fifth of each page free, so that a change that leaves its indexed columns
    /// alone (most results: the version, the time, the scores) is a heap-only update on the same page instead of a new
    /// entry in each of its six indexes. Pages written from now on; existing ones as they are rewritten.</item>
    /// <item>The view in each event-log entry (over the 2 KB at which PostgreSQL compresses a value) is compressed
    /// with lz4 instead of pglz, which costs a fraction of the CPU. A server built without lz4 keeps pglz.</item>
    /// </list>
    /// </summary>
    public partial class ApplicationRowHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE job_applications SET (fillfactor = 80);");
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE application_events ALTER COLUMN "View" SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available on this server; the event-log views stay compressed with pglz';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE application_events ALTER COLUMN "View" SET COMPRESSION DEFAULT;""");
            migrationBuilder.Sql("ALTER TABLE job_applications RESET (fillfactor);");
        }
    }
}
