using System.Globalization;

namespace WebApp.Site;

/// <summary>How the site writes amounts of money: the request's culture (Site:Culture), in pages and in the emails they cause.</summary>
public static class Money
{
    public static string Format(decimal amount) => amount.ToString("C", CultureInfo.CurrentCulture);
}
