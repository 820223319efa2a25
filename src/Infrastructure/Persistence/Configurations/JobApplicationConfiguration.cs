using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AppBackend.Infrastructure.Persistence.Configurations;

/// <summary>
/// The aggregate is document-shaped: its videos and results are owned collections, loaded and saved with it.
/// <see cref="JobApplication.Version"/> is the concurrency token: every change bumps it, so a write from a stale
/// copy fails instead of overwriting.
/// </summary>
internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.ToTable("job_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.InterviewId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.OrganizationId).HasMaxLength(128).IsRequired();
        builder.Property(a => a.OwnerId).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.FailureReason).HasMaxLength(500);
        builder.Property(a => a.LatestAiAnalysisId).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DispatchIdempotencyKey);
        builder.Ignore(a => a.DomainEvents);

        builder.HasOne<Domain.Interviews.Interview>().WithMany().HasForeignKey(a => a.InterviewId).OnDelete(DeleteBehavior.Restrict);

        builder.ComplexProperty(a => a.Candidate, candidate =>
        {
            candidate.Property(c => c.FullName).HasColumnName("CandidateFullName").HasMaxLength(200).IsRequired();
            candidate.Property(c => c.Email).HasColumnName("CandidateEmail").HasMaxLength(320).IsRequired();
            candidate.Property(c => c.Phone).HasColumnName("CandidatePhone").HasMaxLength(40);
            candidate.Property(c => c.CvUrl).HasColumnName("CandidateCvUrl").HasMaxLength(2048);
        });

        // Newest-first paging, optionally per organization (a recruiter's list), owner, interview or status.
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.OrganizationId, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.InterviewId, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });

        builder.OwnsMany(a => a.VideoResponses, video =>
        {
            video.ToTable("video_responses");
            video.WithOwner().HasForeignKey("ApplicationId");
            video.HasKey(v => v.Id);
            video.Property(v => v.Id).HasMaxLength(64);
            video.Property(v => v.QuestionId).HasMaxLength(64).IsRequired();
            video.Property(v => v.Url).HasMaxLength(2048).IsRequired();
            video.Property(v => v.Status).HasConversion<string>().HasMaxLength(32);
            video.Property(v => v.JobId).HasMaxLength(200);
            video.Property(v => v.AiAnalysisId).HasMaxLength(200);

            // The webhook finds its video by job id: one indexed lookup, unique per current job.
            video.HasIndex(v => v.JobId).IsUnique();

            // The poller and the alerter read only what is due: partial indexes hold the jobs in flight (the same SQL on
            // both providers), never the finished history, so a tick reads the due rows and nothing else. NextPollAt is
            // set exactly while a video is processing (VideoResponse).
            video.HasIndex(v => v.NextPollAt).HasFilter("\"NextPollAt\" IS NOT NULL");
            video.HasIndex(v => v.DispatchedAt).HasFilter("\"Status\" = 'Processing' AND \"AlertedAt\" IS NULL");
        });
        builder.Navigation(a => a.VideoResponses).HasField("_videoResponses").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.AiAnalysisResults, result =>
        {
            result.ToTable("ai_analysis_results");
            result.WithOwner().HasForeignKey("ApplicationId");

            // One final result per job, ever: the key itself refuses a second one.
            result.HasKey(r => r.JobId);
            result.Property(r => r.JobId).HasMaxLength(200);
            result.Property(r => r.VideoResponseId).HasMaxLength(64).IsRequired();
            result.Property(r => r.AiAnalysisId).HasMaxLength(200);
            result.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
            result.Property(r => r.Error).HasMaxLength(2000);
        });
        builder.Navigation(a => a.AiAnalysisResults).HasField("_aiAnalysisResults").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
