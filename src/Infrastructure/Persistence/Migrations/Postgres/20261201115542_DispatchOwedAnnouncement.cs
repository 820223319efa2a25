using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The database announces owed dispatches itself (<c>NOTIFY dispatches_owed</c>, see <c>DispatchAnnouncement</c>):
    /// a row inserted into <c>pending_dispatches</c>, or one whose lease is handed back, notifies in the writing
    /// transaction, so every instance's dispatch worker wakes at its commit, whoever wrote it, at no extra round trip.
    /// Identical notifications of one transaction are delivered once. SQLite has no counterpart: there the worker's
    /// in-process wake-up and its idle delay do.
    /// Superseded by <c>AnnouncementsAfterTheCommit</c>, which drops the trigger.
    /// </summary>
    public partial class DispatchOwedAnnouncement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Drop(migrationBuilder);

        /// <summary>The trigger and its function (also <c>AnnouncementsAfterTheCommit</c>'s way back).</summary>
        internal static void Create(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION announce_owed_dispatch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('dispatches_owed', '');
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER pending_dispatches_announce_owed
                    AFTER INSERT OR UPDATE OF "LeaseOwner" ON pending_dispatches
                    FOR EACH ROW WHEN (NEW."LeaseOwner" IS NULL)
                    EXECUTE FUNCTION announce_owed_dispatch();
                """);
        }

        /// <summary>Their removal (also <c>AnnouncementsAfterTheCommit</c>'s way forward).</summary>
        internal static void Drop(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER pending_dispatches_announce_owed ON pending_dispatches;");
            migrationBuilder.Sql("DROP FUNCTION announce_owed_dispatch();");
        }
    }
}
