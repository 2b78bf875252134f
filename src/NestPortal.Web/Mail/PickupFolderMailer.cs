using Microsoft.Extensions.Options;

namespace NestPortal.Web.Mail;

/// <summary>
/// Writes each mail as an .eml file into a pickup folder and logs that it did, so Development and the
/// tests need no mail server. Links are in the file, never in the log.
/// </summary>
public sealed class PickupFolderMailer(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<PickupFolderMailer> logger) : IMailer
{
    public async Task SendAsync(string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await MailMessages.Create(options.Value.From, to, subject, textBody, htmlBody).WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail {Subject} written to pickup folder {Path}", subject, path);
    }
}
