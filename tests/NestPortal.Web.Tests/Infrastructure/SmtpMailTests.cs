using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// With Mail:Smtp:Host set, the portal sends through MailKit to a real SMTP server: Debian's aiosmtpd,
/// listening on 127.0.0.1 and storing what it receives in a maildir.
/// </summary>
public sealed class SmtpMailTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>
{
    [Fact]
    public async Task A_registration_mail_reaches_the_smtp_server_with_a_working_link()
    {
        var email = $"smtp-{Guid.NewGuid():N}@beispiel.invalid";
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sabine SMTP",
            ["Input.Email"] = email,
            ["Input.Password"] = "ein langes Passwort für SMTP",
            ["Input.ConfirmPassword"] = "ein langes Passwort für SMTP",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = await factory.Smtp.WaitForMailToAsync(email);
        mail.Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        var link = System.Text.RegularExpressions.Regex.Match(mail.HtmlBody ?? string.Empty, "href=\"([^\"]+)\"").Groups[1].Value;
        var confirm = await client.GetPageAsync(new Uri(WebUtility.HtmlDecode(link)).PathAndQuery);
        confirm.QuerySelector("main")!.TextContent.ShouldContain("Ihre E-Mail-Adresse ist bestätigt");
        Directory.Exists(factory.MailFolder).ShouldBeFalse("with SMTP configured nothing goes to the pickup folder");
    }
}

public class SmtpPortalFactory : PortalFactory
{
    public SmtpServer Smtp { get; }

    public SmtpPortalFactory()
        : this(refuseFirstMail: false)
    {
    }

    protected SmtpPortalFactory(bool refuseFirstMail) => Smtp = new SmtpServer(refuseFirstMail);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Mail:Smtp:UseStartTls", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp?.Dispose();
    }
}

/// <summary>
/// aiosmtpd (Debian package python3-aiosmtpd) on a free loopback port, for as long as the fixture lives;
/// optionally answering the first mail it is given with a temporary refusal (451), as a busy or greylisting
/// server does, and taking every later one.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    /// <summary>A Mailbox handler that refuses the first DATA of its life with 451 and stores the rest.</summary>
    private const string RefuseFirstHandler = """
        from aiosmtpd.handlers import Mailbox

        class RefuseFirst(Mailbox):
            refused = False

            async def handle_DATA(self, server, session, envelope):
                if not RefuseFirst.refused:
                    RefuseFirst.refused = True
                    return "451 4.3.0 Please try again later"
                return await super().handle_DATA(server, session, envelope)
        """;

    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "nestportal-smtp", Guid.NewGuid().ToString("N"));

    public int Port { get; }

    public SmtpServer(bool refuseFirstMail = false)
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException("The SMTP test needs Debian's python3 with aiosmtpd: apt-get install -y python3-aiosmtpd");
        Port = FreePort();
        // aiosmtpd's Maildir makes its tmp/new/cur folders only when the folder does not exist yet.
        Directory.CreateDirectory(Path.GetDirectoryName(_maildir)!);
        var start = new ProcessStartInfo(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", refuseFirstMail ? "refuse_first.RefuseFirst" : "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (refuseFirstMail)
        {
            var module = _maildir + "-handler";
            Directory.CreateDirectory(module);
            File.WriteAllText(Path.Combine(module, "refuse_first.py"), RefuseFirstHandler);
            start.Environment["PYTHONPATH"] = module;
        }

        _process = Process.Start(start)!;
        WaitUntilListening();
    }

    public async Task<MimeMessage> WaitForMailToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var newMail = Path.Combine(_maildir, "new");
            if (Directory.Exists(newMail))
            {
                var match = Directory.GetFiles(newMail).Select(path => MimeMessage.Load(path))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address));
                if (match is not null) return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {address} reached the SMTP server in 20 s.");
    }

    private bool _disposed;

    public void Dispose()
    {
        // WebApplicationFactory disposes its fixture through both Dispose and DisposeAsync.
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try
        {
            if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
            if (Directory.Exists(_maildir + "-handler")) Directory.Delete(_maildir + "-handler", recursive: true);
        }
        catch (IOException)
        {
            // Only a temporary folder stays behind.
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"aiosmtpd did not start ({_process.StandardError.ReadToEnd().Trim()}). Install it with: apt-get install -y python3-aiosmtpd");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not listen within 15 s.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
