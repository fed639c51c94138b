using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace WebApp.Site.ConditionalGet;

/// <summary>Strong entity tags made from the bytes of a representation, and the If-None-Match test.</summary>
internal static class EntityTags
{
    /// <summary>A quoted tag that changes whenever a byte of <paramref name="representation"/> does.</summary>
    public static string Of(ReadOnlySpan<byte> representation)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(representation, hash);
        // Half the hash is plenty to tell versions of one resource apart.
        return $"\"{Base64Url.EncodeToString(hash[..16])}\"";
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="entityTag"/> (weak comparison, as RFC 9110 says).</summary>
    public static bool ClientHolds(HttpRequest request, string entityTag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.AsSpan().SequenceEqual(entityTag));
    }
}
