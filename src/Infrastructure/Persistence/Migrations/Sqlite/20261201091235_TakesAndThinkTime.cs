using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TakesAndThinkTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An answer recorded before takes were counted was recorded once.
            migrationBuilder.AddColumn<int>(
                name: "Takes",
                table: "video_responses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "MaxTakes",
                table: "interview_questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ThinkingSeconds",
                table: "interview_questions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Takes",
                table: "video_responses");

            migrationBuilder.DropColumn(
                name: "MaxTakes",
                table: "interview_questions");

            migrationBuilder.DropColumn(
                name: "ThinkingSeconds",
                table: "interview_questions");
        }
    }
}
