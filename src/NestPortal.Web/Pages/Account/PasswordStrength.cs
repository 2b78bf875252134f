using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// Whether a password is too easy to guess: zxcvbn's estimate (common passwords, words, names, dates,
/// repeats, sequences, keyboard walks), fed with German words people use in passwords and with the
/// person's own address and name. Passwords of 12 characters and more that an attacker would try first
/// (<c>aaaaaaaaaaaa</c>, <c>123456789012</c>, <c>passwort12345</c>) are refused; a few random words are not.
/// </summary>
public static partial class PasswordStrength
{
    /// <summary>
    /// zxcvbn's score 3: more than 10^8 guesses, out of reach of an online attack and expensive offline
    /// against PBKDF2 with 210,000 iterations. Score 4 would refuse many passphrases people can remember.
    /// </summary>
    public const int MinimumScore = 3;

    /// <summary>
    /// German words that lead lists of leaked German passwords, and the portal's own names; zxcvbn's
    /// dictionaries are English. Given to zxcvbn as words an attacker tries first.
    /// </summary>
    private static readonly string[] GermanWords =
    [
        "passwort", "kennwort", "hallo", "geheim", "schatz", "schatzi", "liebe", "ficken", "fussball", "fußball",
        "deutschland", "berlin", "hamburg", "dortmund", "schalke", "borussia", "bayern", "sommer", "winter",
        "frühling", "herbst", "sonne", "mama", "papa", "engel", "prinzessin", "blume", "katze", "hund", "willkommen",
        "nest", "nestportal", "portal", "neustart", "team", "demo", "test", "admin", "kommune", "mentor", "mentorin",
        "gruppe", "familie", "flucht", "arnsberg", "nrw", "januar", "februar", "märz", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "dezember", "montag", "freitag", "qwertz", "asdfgh",
    ];

    public static bool IsGuessable(string password, IEnumerable<string?>? personal = null)
    {
        if (string.IsNullOrEmpty(password)) return true;
        var inputs = GermanWords.Concat(Words(personal ?? []));
        return Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score < MinimumScore;
    }

    /// <summary>The person's address and name, whole and in their parts (an address's local part, first and last name).</summary>
    public static IEnumerable<string> Words(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => Separators().Split(v!.ToLowerInvariant()).Append(v.ToLowerInvariant()))
            .Where(w => w.Length >= 3)
            .Distinct();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Separators();
}

/// <summary>
/// Passwords published in this repository's documentation (the demo accounts' password in the README),
/// kept only as SHA-256 digests: this assembly never carries a demo password (ADR 0011), yet refuses it
/// wherever demo accounts are not allowed, so a real account can never be given it.
/// </summary>
public static class PublishedPasswords
{
    private static readonly HashSet<string> Digests = new(StringComparer.OrdinalIgnoreCase)
    {
        "af53b64ee2d381125601923b622bb74189ff746702c6712272093d43a20d4666",
    };

    public static bool Contains(string password) =>
        Digests.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))));
}

/// <summary>
/// Identity's check of every new password (registration, set password from a link, change password,
/// administrators' tools): guessable ones, and the published demo password outside Development and Testing.
/// </summary>
public sealed class GuessablePasswordValidator(IStringLocalizer<SharedResource> l, IHostEnvironment environment) : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= string.Empty;
        // The demo accounts are seeded with the published password where they are allowed; nowhere else.
        var refused = PublishedPasswords.Contains(password)
            ? !DemoAccounts.AllowedIn(environment)
            : PasswordStrength.IsGuessable(password, new[] { user.Email, user.UserName, user.DisplayName });
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordGuessable", Description = l["Dieses Passwort ist zu leicht zu erraten. Nehmen Sie zum Beispiel drei oder vier zufällige Wörter mit Leerzeichen oder Bindestrichen."] })
            : IdentityResult.Success);
    }
}
