using System.Globalization;
using MimeKit;

namespace NestPortal.Web.Mail;

/// <summary>
/// Whether the portal can send mail to an address: what the mailer (MimeKit) parses as a single plain
/// address, with a domain of valid DNS labels. Forms check this before they save, so an address such as
/// "x@y..z" is refused with a message instead of failing later in the mailer (or leaving an account
/// behind that never gets its confirmation).
/// </summary>
public static class MailAddresses
{
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <remarks>Spaces around the address are allowed: the forms trim what they save.</remarks>
    public static bool CanSendTo(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || mailbox.Name is { Length: > 0 }) return false;
        var address = mailbox.Address;
        // The parser also takes "Name <a@b>" and routes; only the bare address as typed is a mail address here.
        if (!string.Equals(address, text, StringComparison.Ordinal)) return false;
        var at = address.LastIndexOf('@');
        return at > 0 && at <= 64 && IsDomain(address[(at + 1)..]);
    }

    /// <summary>Dot-separated labels of letters, digits and inner hyphens (internationalised names via IDNA), at least two.</summary>
    private static bool IsDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return ascii.Length <= 253 && labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
