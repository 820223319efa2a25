using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The announcements leave the data transactions: the triggers of <c>EventAnnouncementTrigger</c> and
    /// <c>DispatchOwedAnnouncement</c> sent <c>NOTIFY</c> in every transaction that logged an event or made a dispatch
    /// owed, and PostgreSQL holds the lock behind <c>NOTIFY</c> until the commit record is flushed, so those commits
    /// went one at a time (benchmarks/README.md, finding 16). Each instance now announces its own commits after them
    /// (<c>PostgresCommitBroadcast</c>). Down brings the triggers back.
    /// </summary>
    public partial class AnnouncementsAfterTheCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            EventAnnouncementTrigger.Drop(migrationBuilder);
            DispatchOwedAnnouncement.Drop(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DispatchOwedAnnouncement.Create(migrationBuilder);
            EventAnnouncementTrigger.Create(migrationBuilder);
        }
    }
}
