using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages", t => t.HasCheckConstraint("CK_OutboxMessages_Attempts", "\"Attempts\" >= 0"));
        message.Property(m => m.To).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.Property(m => m.LockedBy).HasMaxLength(100);
        // The dispatcher looks for unsent messages whose next attempt is due.
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
