using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NextPollAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_video_responses_Status_DispatchedAt",
                table: "video_responses");

            migrationBuilder.DropIndex(
                name: "IX_video_responses_Status_LastPolledAt",
                table: "video_responses");

            migrationBuilder.AddColumn<long>(
                name: "NextPollAt",
                table: "video_responses",
                type: "INTEGER",
                nullable: true);

            // Jobs in flight before this migration keep being polled: the next poll follows from when each was
            // dispatched and last asked about, with the defaults Analysis:PollAfter = Analysis:PollInterval = 30 s
            // (300,000,000 ticks; a deployment with other settings moves each job onto its own at the job's next
            // poll). A processing row without either time is due at once.
            migrationBuilder.Sql("""
                UPDATE video_responses
                SET "NextPollAt" = max(COALESCE("DispatchedAt", 0), COALESCE("LastPolledAt", 0)) + 300000000
                WHERE "Status" = 'Processing';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_DispatchedAt",
                table: "video_responses",
                column: "DispatchedAt",
                filter: "\"Status\" = 'Processing' AND \"AlertedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_NextPollAt",
                table: "video_responses",
                column: "NextPollAt",
                filter: "\"NextPollAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_video_responses_DispatchedAt",
                table: "video_responses");

            migrationBuilder.DropIndex(
                name: "IX_video_responses_NextPollAt",
                table: "video_responses");

            migrationBuilder.DropColumn(
                name: "NextPollAt",
                table: "video_responses");

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_Status_DispatchedAt",
                table: "video_responses",
                columns: new[] { "Status", "DispatchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_Status_LastPolledAt",
                table: "video_responses",
                columns: new[] { "Status", "LastPolledAt" });
        }
    }
}
