using AppBackend.Application.Common.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AppBackend.Infrastructure.Persistence.Configurations;

internal sealed class PendingAlertConfiguration : IEntityTypeConfiguration<PendingAlert>
{
    public void Configure(EntityTypeBuilder<PendingAlert> builder)
    {
        builder.ToTable("pending_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(250);
        builder.Property(a => a.Text).HasMaxLength(4000).IsRequired();

        // Two instances deciding on one alert: the second insert fails, like any concurrent writer.
        builder.Property(a => a.Attempts).IsConcurrencyToken();
        builder.HasIndex(a => a.DueAt);
    }
}
