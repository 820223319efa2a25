using AppBackend.Application.Common.Dispatching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AppBackend.Infrastructure.Persistence.Configurations;

internal sealed class PendingDispatchConfiguration : IEntityTypeConfiguration<PendingDispatch>
{
    public void Configure(EntityTypeBuilder<PendingDispatch> builder)
    {
        builder.ToTable("pending_dispatches");
        builder.HasKey(d => d.IdempotencyKey);
        builder.Property(d => d.IdempotencyKey).HasMaxLength(100);
        builder.Property(d => d.ApplicationId).HasMaxLength(64).IsRequired();
        builder.Property(d => d.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(d => d.DueAt);
        builder.HasIndex(d => d.ApplicationId);
    }
}
