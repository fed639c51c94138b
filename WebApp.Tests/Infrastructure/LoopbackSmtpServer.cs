using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WebApp.Tests.Accounts;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, installed by ./test.sh) on a free loopback port. It requires
/// <see cref="UserName"/>/<see cref="Password"/> and keeps what it receives as .eml files.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    public const string UserName = "shop";
    public const string Password = "smtp-secret";

    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("webapp-smtp-").FullName;

    public int Port { get; }

    public LoopbackSmtpServer()
    {
        Port = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "loopback_smtp_server.py");
        // Debian's interpreter: the package lives there, not in another Python first on PATH.
        var start = new ProcessStartInfo("/usr/bin/python3", [script, _folder, Port.ToString(), UserName, Password])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            var error = _process.HasExited ? _process.StandardError.ReadToEnd() : "no answer in 20 s";
            Dispose();
            throw new InvalidOperationException(
                $"The loopback SMTP server did not start (apt-get install python3-aiosmtpd; ./test.sh does): {error}");
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<PickedUpMail> Received => MailPickup.ReadAll(_folder);

    /// <summary>Settings that make the app send through this server.</summary>
    public IDictionary<string, string?> Settings() => SettingsFor(Port);

    /// <summary>Settings for a loopback port where no server listens: every attempt is refused.</summary>
    public static IDictionary<string, string?> UnreachableSettings() => SettingsFor(FreePort());

    private static IDictionary<string, string?> SettingsFor(int port) => new Dictionary<string, string?>
    {
        ["Email:PickupDirectory"] = "",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:UserName"] = UserName,
        ["Email:Smtp:Password"] = Password,
        ["Email:Smtp:TimeoutSeconds"] = "10",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
