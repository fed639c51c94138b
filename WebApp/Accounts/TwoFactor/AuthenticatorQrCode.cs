using System.Globalization;
using System.Text.Encodings.Web;
using QRCoder;

namespace WebApp.Accounts.TwoFactor;

/// <summary>
/// The otpauth:// address an authenticator app scans, drawn on the server as an SVG QR code, so the page needs no
/// script and no third-party service ever sees the shared key.
/// </summary>
internal static class AuthenticatorQrCode
{
    public static string Uri(string issuer, string account, string unformattedKey) =>
        string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            UrlEncoder.Default.Encode(issuer), UrlEncoder.Default.Encode(account), unformattedKey);

    /// <summary>The QR code as an SVG element (no XML declaration), scaled by the page's CSS.</summary>
    public static string Svg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
