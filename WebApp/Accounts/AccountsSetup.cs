using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Accounts.Audit;
using WebApp.Accounts.Mail;
using WebApp.Accounts.Permissions;
using WebApp.Accounts.SignIn;
using WebApp.Data;
using WebApp.Mail;
using WebApp.Management.Checks;
using WebApp.Site;

namespace WebApp.Accounts;

public static class AccountsSetup
{
    /// <summary>Identity with cookie login, roles (Django's groups), lockout, the stock Identity UI pages and mail.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddDefaultIdentity<ApplicationUser>(options =>
            {
                // Confirmation mail is sent, but not required to log in, so that the demo works without a mailbox.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AuditedUserManager>()
            .AddSignInManager<AccountSignInManager>();
        builder.Services.AddSingleton<AuditLog>();

        // Deactivating a user or changing their password ends their other sessions within a minute. The stamp check and
        // the cookie's issue time read the app's clock, so tests can move time on instead of waiting.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.TimeProvider = clock;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SecurityStampCheck.ValidateWhenDueAsync;
        });

        // The admin's rules for users and roles (WebApp/Accounts/Admin).
        builder.Services.AddScoped<Admin.EscalationGuard>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SignedOutMessage>();

        builder.AddMail();
        builder.AddSignInThrottle();
        return builder;
    }

    /// <summary>
    /// Call after UseSite and before UseApi (which runs the rate limiter): finds the account a sign-in attempt is for,
    /// so that the sign-in throttle can count it.
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (SignInThrottle.IsAttempt(context))
                await SignInThrottle.FindAccountAsync(context, context.RequestServices.GetRequiredService<SignInDevices>());
            await next(context);
        });
        return app;
    }

    /// <summary>Sign-in attempts per client address and per account; mails on demand per address.</summary>
    private static void AddSignInThrottle(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SignInDevices>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<IRequestRateLimit>(provider => provider.GetRequiredService<SignInThrottle>());

        builder.Services.AddOptions<MailThrottleOptions>().BindConfiguration(MailThrottleOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailRequestThrottle>();
        builder.Services.AddScoped<AccountMail>();
        builder.Services.AddScoped<AccountDeletion>();
        builder.Services.AddScoped<PersonalDataExport>();
    }

    /// <summary>Outgoing mail for Identity's confirmation and password-reset messages (and anything else).</summary>
    private static void AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<EmailOptions>, EmailOptionsSetup>();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        builder.Services.AddSingleton<EmailLayout>();
        builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
        builder.Services.AddSystemCheck<EmailSettingsCheck>();
        builder.Services.AddUserPermissions();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            options.Conventions.AddAreaFolderApplicationModelConvention("Identity", "/",
                page => page.Filters.Add(new LocalReturnUrlFilter())));
    }
}
