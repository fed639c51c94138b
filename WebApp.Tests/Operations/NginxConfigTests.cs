using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Operations;

/// <summary>
/// deploy/nginx/webapp.conf as nginx itself reads it (<c>nginx -t</c>, Debian's nginx, which ./test.sh installs), with
/// a throwaway certificate in place of the site's.
/// </summary>
public sealed class NginxConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("webapp-nginx-").FullName;

    [Fact]
    public async Task Nginx_accepts_the_deployed_configuration()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: run ./test.sh (it installs nginx-light) or apt-get install nginx-light.");
        var certificate = Path.Combine(_folder, "cert.pem");
        var key = Path.Combine(_folder, "key.pem");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(certificate, self.ExportCertificatePem());
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem());
        }
        var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "webapp.conf")))
            .Replace("/etc/letsencrypt/live/shop.example.com/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/shop.example.com/privkey.pem", key, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_folder, "webapp.conf"), site);
        var main = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(main, $$"""
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events {}
            http {
                include {{_folder}}/webapp.conf;
            }
            """);

        var start = new ProcessStartInfo(nginx, ["-t", "-c", main, "-p", _folder]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("test is successful", output);
        // Retries go to another instance only for requests that are safe to repeat.
        Assert.DoesNotContain("non_idempotent", site);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
