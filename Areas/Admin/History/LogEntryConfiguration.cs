using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Admin;

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> entry)
    {
        entry.ToTable("AdminLogEntries");
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.ContentType).HasMaxLength(100);
        entry.Property(e => e.ObjectId).HasMaxLength(100);
        entry.Property(e => e.ObjectRepr).HasMaxLength(LogEntry.ObjectReprMaxLength);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);

        // The history page reads one object's entries in order; the index reads one user's latest.
        entry.HasIndex(e => new { e.ContentType, e.ObjectId, e.ActionTime });
        entry.HasIndex(e => new { e.UserId, e.ActionTime });
        entry.HasIndex(e => e.ActionTime);
    }
}
