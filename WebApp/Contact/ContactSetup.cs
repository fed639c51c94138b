using WebApp.Site;

namespace WebApp.Contact;

internal static class ContactSetup
{
    public static void AddContact(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IRequestRateLimit, ContactRateLimit>();
    }
}
