using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Catalog;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(60);
        tag.Property(t => t.Slug).HasMaxLength(80);
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.HasIndex(t => new { t.Name, t.Id }); // the admin's ordering
    }
}
