using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Organizations : Migration
    {
        /// <summary>
        /// Rows written before organizations existed belong to the organization <c>legacy</c> (docs/decisions/007-organizations.md):
        /// a recruiter token with <c>org</c> = <c>legacy</c> reaches them, and an operator may move them with an UPDATE.
        /// Their interviews are all <c>legacy</c> too, so every application keeps its interview's organization.
        /// SQLite keeps the column default (dropping one rebuilds the table); EF Core always writes the column.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrganizationId",
                table: "job_applications",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "legacy");

            migrationBuilder.AddColumn<string>(
                name: "OrganizationId",
                table: "interviews",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "legacy");

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_OrganizationId_CreatedAt_Id",
                table: "job_applications",
                columns: new[] { "OrganizationId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_interviews_OrganizationId_CreatedAt_Id",
                table: "interviews",
                columns: new[] { "OrganizationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_job_applications_OrganizationId_CreatedAt_Id",
                table: "job_applications");

            migrationBuilder.DropIndex(
                name: "IX_interviews_OrganizationId_CreatedAt_Id",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "job_applications");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "interviews");
        }
    }
}
