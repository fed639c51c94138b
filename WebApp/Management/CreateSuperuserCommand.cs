using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using WebApp.Accounts;

namespace WebApp.Management;

/// <summary>
/// <c>createsuperuser --email E [--password-stdin]</c>: a confirmed, active staff superuser, checked by the same user and
/// password validators as the registration page.
/// </summary>
internal sealed class CreateSuperuserCommand(CommandConsole console, string email, bool passwordFromInput) : ManagementCommand(console)
{
    private const int PasswordAttempts = 3;

    public static IManagementCommand Create(CommandArguments arguments, CommandConsole console)
    {
        var email = arguments.RequiredOption("email").Trim();
        var passwordFromInput = arguments.Flag("password-stdin");
        if (!new EmailAddressAttribute().IsValid(email))
            throw new CommandUsageException($"'{email}' is not an email address.");
        if (!passwordFromInput && console.IsInputRedirected)
        {
            throw new CommandUsageException(
                "Standard input is not a terminal, so the password cannot be asked for: pass --password-stdin and pipe it in.");
        }
        return new CreateSuperuserCommand(console, email, passwordFromInput);
    }

    protected override async Task<int> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _ = Database(services);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
            throw new CommandFailedException($"A user with the email {email} already exists; nothing was created.");

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            IsActive = true,
            IsStaff = true,
            IsSuperuser = true,
        };
        var userProblems = await ProblemsAsync(users.UserValidators.Select(v => v.ValidateAsync(users, user)));
        if (userProblems.Count > 0)
            throw new CommandFailedException(Describe(userProblems));

        var password = passwordFromInput
            ? await ReadPasswordFromInputAsync(users, user, cancellationToken)
            : await AskForPasswordAsync(users, user, cancellationToken);

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new CommandFailedException(Describe(result.Errors.Select(e => e.Description).ToList()));

        Console.Out.WriteLine($"Superuser {email} created.");
        return ManagementCommands.Success;
    }

    private async Task<string> ReadPasswordFromInputAsync(
        UserManager<ApplicationUser> users, ApplicationUser user, CancellationToken cancellationToken)
    {
        var password = await Console.In.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
            throw new CommandFailedException("No password on standard input; nothing was created.");

        var problems = await PasswordProblemsAsync(users, user, password);
        if (problems.Count > 0)
            throw new CommandFailedException(Describe(problems));
        return password;
    }

    private async Task<string> AskForPasswordAsync(
        UserManager<ApplicationUser> users, ApplicationUser user, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= PasswordAttempts; attempt++)
        {
            var password = Console.ReadSecret("Password: ")
                ?? throw new CommandFailedException("No password given; nothing was created.");
            var again = Console.ReadSecret("Password (again): ");
            cancellationToken.ThrowIfCancellationRequested();

            if (password.Length == 0)
            {
                Console.Error.WriteLine("Error: Blank passwords are not allowed.");
                continue;
            }
            if (password != again)
            {
                Console.Error.WriteLine("Error: Your passwords didn't match.");
                continue;
            }
            var problems = await PasswordProblemsAsync(users, user, password);
            if (problems.Count == 0)
                return password;
            foreach (var problem in problems)
                Console.Error.WriteLine($"Error: {problem}");
        }
        throw new CommandFailedException($"No acceptable password after {PasswordAttempts} attempts; nothing was created.");
    }

    private static Task<List<string>> PasswordProblemsAsync(
        UserManager<ApplicationUser> users, ApplicationUser user, string password) =>
        ProblemsAsync(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));

    private static async Task<List<string>> ProblemsAsync(IEnumerable<Task<IdentityResult>> validations)
    {
        var problems = new List<string>();
        foreach (var validation in validations)
            problems.AddRange((await validation).Errors.Select(e => e.Description));
        return problems;
    }

    private static string Describe(IReadOnlyList<string> problems) =>
        string.Join(Environment.NewLine + "       ", problems.Append("Nothing was created."));
}
