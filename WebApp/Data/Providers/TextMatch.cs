namespace WebApp.Data.Providers;

internal enum TextMatch
{
    Contains,
    StartsWith,
}
