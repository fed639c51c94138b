using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class PasswordResetTests : IDisposable
{
    private const string Email = "forgetful@example.com";
    private const string NewPassword = "Brand!New9pass";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_that_sets_a_new_password()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var forgot = await client.PostFormAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = Email });

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", forgot.Headers.Location?.OriginalString);
        var mail = Assert.Single(MailPickup.ReadAll(_factory.MailPickupDirectory));
        Assert.Equal(Email, mail.To);
        Assert.Equal("Reset your password", mail.Subject);
        var link = new Uri(mail.FirstLink());
        Assert.Equal("/Identity/Account/ResetPassword", link.AbsolutePath);
        Assert.NotEmpty(QueryHelpers.ParseQuery(link.Query)["code"].ToString());
        var resetPage = await client.GetHtmlAsync(link.PathAndQuery);
        var code = resetPage.QuerySelector("input[name='Input.Code']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(code));

        using var reset = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
            ["Input.Code"] = code,
        });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        using var oldPassword = await client.LoginAsync(Email);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await client.LoginAsync(Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_no_mail()
    {
        var client = _factory.CreateBrowserClient();

        using var forgot = await client.PostFormAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", forgot.Headers.Location?.OriginalString);
        Assert.Empty(MailPickup.ReadAll(_factory.MailPickupDirectory));
    }
}
