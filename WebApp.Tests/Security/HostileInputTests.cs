using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using WebApp.Tests.Accounts;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Security;

/// <summary>
/// Posts hostile values to every field of every form and to every query parameter of the site, the account pages and
/// the admin, as an attacker would: never a 500, and a refused request (an error status, or the form shown again with a
/// message) leaves the database exactly as it was. A GET never changes it.
/// </summary>
public sealed class HostileInputTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly AccountsFactory _factory = new();
    private readonly List<string> _failures = [];

    public void Dispose() => _factory.Dispose();

    /// <summary>Each value as it travels on the wire (already percent-encoded), so that malformed encodings arrive as sent.</summary>
    private static readonly (string Name, string Wire)[] HostileValues =
    [
        ("non-ASCII", Uri.EscapeDataString("café ☕ 中文 ¿")),
        ("non-ASCII path", Uri.EscapeDataString("/café")),
        ("CR/LF", "a%0D%0ASet-Cookie:%20x=1"),
        ("NUL", "%00"),
        ("literal %00", "%2500"),
        ("invalid UTF-8", "%C3%28%FF%FE"),
        ("truncated UTF-8 and a stray %", "%E2%82%zz%"),
        ("encoded surrogate", "%ED%A0%80"),
        ("dot-dot", "..%2F..%2F..%2Fetc%2Fpasswd"),
        ("quotes and markup", Uri.EscapeDataString("'\"><script>alert(1)</script>")),
        ("number overflow", "99999999999999999999999"),
        ("overlong", new string('A', 100_000)),
    ];

    private const int TenMegabytes = 10 * 1024 * 1024;

    /// <summary>
    /// Kestrel refuses a request line over 8 KB (414) before the app sees it; the in-memory server does not, so overlong
    /// values in a URL are cut to what can reach the app.
    /// </summary>
    private const int LongestQueryValue = 7_000;

    private static string ForQuery(string wire) => wire.Length > LongestQueryValue ? wire[..LongestQueryValue] : wire;

    private readonly HashSet<string> _fuzzedForms = [];

    [Fact]
    public async Task No_form_or_query_parameter_answers_500_and_refusals_change_nothing_on_Sqlite()
    {
        var product = await _factory.CreateProductAsync(stock: 50);
        var customer = await _factory.CreateCustomerAsync();
        var order = await _factory.CreateOrderAsync(customer, product);
        var admin = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var shopper = _factory.CreateShopClient();
        await _factory.LogInAsync(shopper, customer.Email!);
        await shopper.AddToCartAsync(product.Id);
        var anonymous = _factory.CreateBrowserClient();
        var leaver = await _factory.LoggedInClientAsync("leaver@example.com", staff: false);
        // Half signed in: the password was right, the two-factor code is asked for (by email, the address being confirmed).
        await _factory.CreateUserAsync("careful@example.com", staff: false);
        await _factory.UpdateUserAsync("careful@example.com", user => user.TwoFactorEnabled = true);
        var twoFactor = _factory.CreateBrowserClient();
        using (var password = await twoFactor.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
               {
                   ["Input.Email"] = "careful@example.com", ["Input.Password"] = TestUsers.Password,
               }))
        {
            Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        }

        (HttpClient Client, string Url)[] pages =
        [
            (anonymous, "/Identity/Account/Login?returnUrl=%2Fcart"),
            (anonymous, "/Identity/Account/Register?returnUrl=%2F"),
            (anonymous, "/Identity/Account/ForgotPassword"),
            (anonymous, "/Identity/Account/ResendEmailConfirmation"),
            (anonymous, "/Identity/Account/ResetPassword?code=" + Convert.ToBase64String("token"u8.ToArray()).TrimEnd('=')),
            (anonymous, "/Identity/Account/ConfirmEmail?userId=x&code=y"),
            (anonymous, "/Identity/Account/ConfirmEmailChange?userId=x&email=a%40example.com&code=y"),
            (leaver, "/Identity/Account/Logout?returnUrl=%2F"),
            (twoFactor, "/Identity/Account/LoginWith2fa?rememberMe=false&returnUrl=%2Fcart"),
            (twoFactor, "/Identity/Account/LoginWithRecoveryCode?returnUrl=%2Fcart"),
            (anonymous, "/products?q=lamp&page=1&sort=price"),
            (anonymous, $"/products/{product.Slug}"),
            (anonymous, $"/cart/add?productId={product.Id}"),
            (shopper, "/"),
            (shopper, "/cart"),
            (shopper, "/checkout"),
            (shopper, $"/products/{product.Slug}/review"),
            (shopper, "/orders?page=1"),
            (shopper, $"/orders/{order.Number}"),
            (shopper, "/Identity/Account/Manage"),
            (shopper, "/Identity/Account/Manage/Email"),
            (shopper, "/Identity/Account/Manage/ChangePassword"),
            (shopper, "/Identity/Account/Manage/ApiTokens"),
            (shopper, "/Identity/Account/Manage/DeletePersonalData"),
            (admin, "/admin/"),
            (admin, "/admin/catalog/product/?q=x&o=1&p=1"),
            (admin, "/admin/catalog/product/add/"),
            (admin, $"/admin/catalog/product/{product.Id}/change/"),
            (admin, $"/admin/catalog/category/{product.CategoryId}/change/"),
            (admin, "/admin/orders/order/"),
            (admin, $"/admin/orders/order/{order.Id}/change/"),
            (admin, $"/admin/orders/order/{order.Id}/history/"),
        ];

        var fingerprint = await FingerprintAsync();
        foreach (var (client, url) in pages)
        {
            fingerprint = await FuzzQueryAsync(client, url, fingerprint);
            var page = await client.GetHtmlAsync(url);
            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                // Signing the fuzzing clients out would leave the rest of the pages untested; Logout has its own tests.
                if (client != leaver && (form.Action?.Contains("Logout", StringComparison.OrdinalIgnoreCase) ?? false)) continue;
                fingerprint = await FuzzFormAsync(client, url, form, fingerprint);
            }
        }

        output.WriteLine(string.Join("\n", _fuzzedForms.Order()));
        // The pages rendered their forms: the account pages, the shop's and the admin's (a guard against fuzzing nothing).
        foreach (var expected in new[]
                 {
                     "post /Identity/Account/Login", "post /Identity/Account/Register", "post /Identity/Account/ForgotPassword",
                     "post /Identity/Account/ResendEmailConfirmation", "post /Identity/Account/ResetPassword", "post /Identity/Account/Logout",
                     "post /Identity/Account/Manage/Email", "post /Identity/Account/LoginWith2fa", "post /cart/add", "post /checkout",
                     "post /admin/catalog/product/add/", $"post /admin/catalog/product/{product.Id}/change/",
                 })
        {
            Assert.Contains(expected, _fuzzedForms, StringComparer.OrdinalIgnoreCase);
        }
        Assert.True(_failures.Count == 0, $"{_failures.Count} problems:\n" + string.Join("\n", _failures.Take(40)));
    }

    private async Task<string> FuzzQueryAsync(HttpClient client, string url, string fingerprint)
    {
        var question = url.IndexOf('?');
        if (question < 0) return fingerprint;
        var path = url[..question];
        var parameters = url[(question + 1)..].Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p.Length > 1 ? p[1] : "")).ToList();
        foreach (var (name, _) in parameters)
        {
            foreach (var (valueName, wire) in HostileValues)
            {
                var query = string.Join("&", parameters.Select(p => p.Name + "=" + (p.Name == name ? ForQuery(wire) : p.Value)));
                using var response = await client.GetAsync(path + "?" + query);
                fingerprint = await CheckAsync(response, $"GET {path} ?{name}= {valueName}", refused: true, fingerprint);
            }
        }
        return fingerprint;
    }

    private async Task<string> FuzzFormAsync(HttpClient client, string pageUrl, IHtmlFormElement form, string fingerprint)
    {
        var isPost = string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase);
        var button = form.QuerySelectorAll("button[type=submit], input[type=submit], button:not([type])").FirstOrDefault();
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action)) action = pageUrl;
        var fields = FieldsOf(form);
        if (button?.GetAttribute("name") is { Length: > 0 } buttonName) fields.Add((buttonName, button.GetAttribute("value") ?? ""));
        var names = fields.Select(f => f.Name).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        _fuzzedForms.Add($"{form.Method} {action.Split('?')[0]}");

        foreach (var name in names)
        {
            foreach (var (valueName, wire) in HostileValues)
                fingerprint = await SendAsync(client, isPost, action, fields, name, wire, $"{(isPost ? "POST" : "GET")} {action} {name}= {valueName} (form on {pageUrl})", fingerprint);
        }
        if (isPost && names.Count > 0)
        {
            fingerprint = await SendAsync(client, true, action, fields, names[0], new string('B', TenMegabytes),
                $"POST {action} {names[0]}= 10 MB (form on {pageUrl})", fingerprint);
        }
        return fingerprint;
    }

    private async Task<string> SendAsync(
        HttpClient client, bool isPost, string action, List<(string Name, string Value)> fields, string target, string wire, string description, string fingerprint)
    {
        var body = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + (f.Name == target ? wire : Uri.EscapeDataString(f.Value))));
        HttpResponseMessage response;
        if (isPost)
        {
            var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
            content.Headers.ContentType!.CharSet = null;
            response = await client.PostAsync(action, content);
        }
        else
        {
            body = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + (f.Name == target ? ForQuery(wire) : Uri.EscapeDataString(f.Value))));
            response = await client.GetAsync(action.Split('?')[0] + "?" + body);
        }
        using (response)
        {
            var refused = !isPost || await IsRefusalAsync(response);
            return await CheckAsync(response, description, refused, fingerprint);
        }
    }

    private async Task<string> CheckAsync(HttpResponseMessage response, string description, bool refused, string before)
    {
        if ((int)response.StatusCode >= 500) _failures.Add($"{(int)response.StatusCode} for {Shorten(description)}");
        var after = await FingerprintAsync();
        if (refused && after != before) _failures.Add($"refused ({(int)response.StatusCode}) but the database changed: {Shorten(description)}");
        return after;
    }

    /// <summary>An error status, or a page that shows a validation message (the form again).</summary>
    private static async Task<bool> IsRefusalAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 400) return true;
        if (response.StatusCode != HttpStatusCode.OK) return false;
        var page = await response.ReadHtmlAsync();
        return page.QuerySelectorAll(".field-validation-error, .validation-summary-errors, .errorlist, .errornote, .invalid-feedback")
            .Any(e => e.TextContent.Trim().Length > 0);
    }

    private static List<(string Name, string Value)> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "reset" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                    fields.Add((input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add((select.Name!, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add((area.Name!, area.Value));
                    break;
            }
        }
        // Checkboxes and radios that were not ticked are fuzzed too: an attacker sends what they like.
        foreach (var box in form.QuerySelectorAll("input[type=checkbox], input[type=radio]").OfType<IHtmlInputElement>())
            if (!string.IsNullOrEmpty(box.Name) && fields.All(f => f.Name != box.Name)) fields.Add((box.Name!, box.Value));
        return fields;
    }

    /// <summary>A hash of every row of every table the app owns (the key ring and migration history aside), read from the SQLite file.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.Database.SqlitePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               + "AND name NOT IN ('DataProtectionKeys', '__EFMigrationsHistory') AND name NOT LIKE 'ProductSearch%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes("|" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
