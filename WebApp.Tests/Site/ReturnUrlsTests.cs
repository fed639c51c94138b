using WebApp.Site;

namespace WebApp.Tests.Site;

public class ReturnUrlsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/products?page=2&sort=price", "/products?page=2&sort=price")]
    [InlineData("~/cart", "/cart")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/caf%C3%A9", "/caf%C3%A9")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/a\r\nLocation: //evil", "/a%0D%0ALocation:%20//evil")]
    [InlineData("/\t/evil.example", "/%09/evil.example")]
    [InlineData("/a\\b", "/a%5Cb")]
    [InlineData("/\"><script>", "/%22%3E%3Cscript%3E")]
    public void A_local_address_is_kept_and_encoded_for_a_header(string url, string safe)
    {
        Assert.Equal(safe, ReturnUrls.MakeSafe(url));
        Assert.Equal(safe, ReturnUrls.MakeSafe(safe)); // idempotent: a safe address passes through unchanged
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" /leading-space")]
    public void Anything_else_is_dropped(string? url)
    {
        Assert.Null(ReturnUrls.MakeSafe(url));
        Assert.Equal("/fallback", ReturnUrls.SafeOr(url, "/fallback"));
    }

    [Fact]
    public void A_lone_surrogate_is_encoded_as_the_replacement_character() =>
        Assert.Equal("/x%EF%BF%BDy", ReturnUrls.MakeSafe("/x" + (char)0xD800 + "y"));

    [Fact]
    public void An_overlong_address_is_dropped()
    {
        Assert.NotNull(ReturnUrls.MakeSafe("/" + new string('a', ReturnUrls.MaxLength - 1)));
        Assert.Null(ReturnUrls.MakeSafe("/" + new string('a', ReturnUrls.MaxLength)));
        Assert.Null(ReturnUrls.MakeSafe("/" + new string('é', 1000)));
    }
}
