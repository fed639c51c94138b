using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Api.Tokens;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        token.Property(t => t.Prefix).HasMaxLength(ApiTokenFormat.PrefixLength);
        token.Property(t => t.SecretHash).HasMaxLength(ApiTokenFormat.HashLength);

        // Every bearer request finds its token by prefix; the account page lists a user's tokens.
        token.HasIndex(t => t.Prefix).IsUnique();
        token.HasIndex(t => new { t.UserId, t.CreatedAt });

        // A deleted account takes its tokens with it.
        token.HasOne(t => t.User)
            .WithMany()
            .HasForeignKey(t => t.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
