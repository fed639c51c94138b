using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using MimeKit;
using WebApp.Accounts;

namespace WebApp.Tests.Accounts;

public class EmailAddressRuleTests
{
    public static readonly TheoryData<string> Accepted =
    [
        "name@example.com", "first.last@example.co.uk", "a+tag@sub.example.org", "under_score-dash@ex-ample.io", "X@EXAMPLE.COM",
    ];

    public static readonly TheoryData<string> Refused =
    [
        "x..y@example.com", "a..b@example.com", "mass2;env;@example.com", ".lead@example.com", "trail.@example.com",
        "\"quoted\"@example.com", "café@example.com", "name@exämple.com", "name@localhost", "name@example", "name@-example.com",
        "name@example..com", "name@[127.0.0.1]", "a b@example.com", "name@example.com\n", "name@example.com\r\nBcc: x@example.com",
        "Name <name@example.com>", "name@example.com,other@example.com", "@example.com", "name@", "name", "",
        new string('a', 65) + "@example.com", "a@" + new string('b', 250) + ".com", "name%00@example.com",
    ];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_addresses_are_usable_as_they_are_by_both_mail_libraries(string address)
    {
        Assert.True(EmailAddressRule.IsValid(address));
        Assert.True(new DeliverableEmailAttribute().IsValid(address));
        Assert.Equal(address, new MailAddress(address).Address);
        Assert.True(MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox));
        Assert.Equal(address, mailbox.Address);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_addresses_get_the_rules_message(string address)
    {
        Assert.False(EmailAddressRule.IsValid(address));
        var results = new List<ValidationResult>();
        var form = new Form { Email = address };
        Assert.Equal(address.Length == 0, Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true));
        if (address.Length > 0) Assert.Equal(EmailAddressRule.Message, Assert.Single(results).ErrorMessage);
    }

    private sealed class Form
    {
        [DeliverableEmail]
        public string? Email { get; set; }
    }
}
