using System.Globalization;

namespace WebApp.Cart;

/// <summary>How the shop writes amounts of money on its pages and in its emails.</summary>
public static class Money
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public static string Format(decimal amount) => amount.ToString("C", Culture);
}
