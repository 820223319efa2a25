using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The database announces each event-log entry itself (<c>NOTIFY application_events</c> with the payload of
    /// <c>EventAnnouncement</c>, <c>{applicationId} {version}</c>): a trigger on <c>application_events</c> notifies in the
    /// inserting transaction, so listeners hear it at the commit and never for a rollback, at no round trip of its own
    /// (the save used to send a <c>pg_notify</c> statement and therefore an explicit transaction).
    /// Superseded by <c>AnnouncementsAfterTheCommit</c>, which drops the trigger.
    /// </summary>
    public partial class EventAnnouncementTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Drop(migrationBuilder);

        /// <summary>The trigger and its function (also <c>AnnouncementsAfterTheCommit</c>'s way back).</summary>
        internal static void Create(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION announce_application_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('application_events', NEW."ApplicationId" || ' ' || NEW."Version");
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER application_events_announce
                    AFTER INSERT ON application_events
                    FOR EACH ROW EXECUTE FUNCTION announce_application_event();
                """);
        }

        /// <summary>Their removal (also <c>AnnouncementsAfterTheCommit</c>'s way forward).</summary>
        internal static void Drop(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER application_events_announce ON application_events;");
            migrationBuilder.Sql("DROP FUNCTION announce_application_event();");
        }
    }
}
