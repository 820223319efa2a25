using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AppBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pending_alerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pending_dispatches",
                columns: table => new
                {
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Claims = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_dispatches", x => x.IdempotencyKey);
                });

            migrationBuilder.CreateTable(
                name: "interview_questions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: false),
                    AiMetadata = table.Column<string>(type: "text", nullable: false),
                    InterviewId = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interview_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interview_questions_interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InterviewId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AllowRetry = table.Column<bool>(type: "boolean", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LatestAiAnalysisId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OverallScore = table.Column<double>(type: "double precision", nullable: true),
                    DispatchAttempt = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CandidateCvUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    CandidateEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    CandidateFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CandidatePhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_job_applications_interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ai_analysis_results",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AiAnalysisId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VideoResponseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OverallScore = table.Column<double>(type: "double precision", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_analysis_results", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_ai_analysis_results_job_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "job_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "video_responses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    IsStoredUpload = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JobId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastPolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AlertedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverallScore = table.Column<double>(type: "double precision", nullable: true),
                    AiAnalysisId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicationId = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_video_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_video_responses_job_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "job_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ai_analysis_results_ApplicationId",
                table: "ai_analysis_results",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_interview_questions_InterviewId",
                table: "interview_questions",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_interviews_CreatedAt_Id",
                table: "interviews",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_CreatedAt_Id",
                table: "job_applications",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_InterviewId_CreatedAt_Id",
                table: "job_applications",
                columns: new[] { "InterviewId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_OwnerId_CreatedAt_Id",
                table: "job_applications",
                columns: new[] { "OwnerId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_Status_CreatedAt_Id",
                table: "job_applications",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_applications_UpdatedAt",
                table: "job_applications",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pending_alerts_DueAt",
                table: "pending_alerts",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_pending_dispatches_ApplicationId",
                table: "pending_dispatches",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_dispatches_DueAt",
                table: "pending_dispatches",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_ApplicationId",
                table: "video_responses",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_JobId",
                table: "video_responses",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_Status_DispatchedAt",
                table: "video_responses",
                columns: new[] { "Status", "DispatchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_video_responses_Status_LastPolledAt",
                table: "video_responses",
                columns: new[] { "Status", "LastPolledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_analysis_results");

            migrationBuilder.DropTable(
                name: "interview_questions");

            migrationBuilder.DropTable(
                name: "pending_alerts");

            migrationBuilder.DropTable(
                name: "pending_dispatches");

            migrationBuilder.DropTable(
                name: "video_responses");

            migrationBuilder.DropTable(
                name: "job_applications");

            migrationBuilder.DropTable(
                name: "interviews");
        }
    }
}
