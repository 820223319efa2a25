using AppBackend.Domain.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AppBackend.Infrastructure.Persistence.Configurations;

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.ToTable("interviews");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.OrganizationId).HasMaxLength(128).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.DomainEvents);
        builder.HasIndex(i => new { i.CreatedAt, i.Id });

        // A recruiter's newest-first page of his organization's interviews.
        builder.HasIndex(i => new { i.OrganizationId, i.CreatedAt, i.Id });

        builder.OwnsMany(i => i.Questions, question =>
        {
            question.ToTable("interview_questions");
            question.WithOwner().HasForeignKey("InterviewId");
            question.HasKey(q => q.Id);
            question.Property(q => q.Id).HasMaxLength(64);
            question.Property(q => q.Position);
            question.Property(q => q.Text).HasMaxLength(2000).IsRequired();
            question.Property(q => q.AiMetadataJson).HasColumnName("AiMetadata").IsRequired();
        });
        builder.Navigation(i => i.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
