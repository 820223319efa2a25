using AppBackend.Application.Common.Events;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AppBackend.Infrastructure.Persistence.Configurations;

/// <summary>
/// The application event log. One row per version of an application (the unique key refuses a second one; it also
/// answers the newest version of an application), a sequence as the key, and an index on the time for the retention
/// job.
/// </summary>
internal sealed class ApplicationEventEntryConfiguration : IEntityTypeConfiguration<ApplicationEventEntry>
{
    public void Configure(EntityTypeBuilder<ApplicationEventEntry> builder)
    {
        builder.ToTable("application_events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.ApplicationId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Actor).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Details).IsRequired();
        builder.HasIndex(e => new { e.ApplicationId, e.Version }).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasOne<JobApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
