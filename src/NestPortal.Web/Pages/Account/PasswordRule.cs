using FluentValidation;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// The portal's password rule: a length, no composition rules (ASVS 5.0 / NIST 800-63B). Identity's options,
/// the password forms' validators and their hint read it here, so a form never accepts a password Identity
/// then refuses with a less helpful message, and the hint names the length that is checked.
/// </summary>
public static class PasswordRule
{
    public const int MinimumLength = 12;

    /// <summary>Long passphrases are welcome; the limit only keeps a pasted novel away from the hasher.</summary>
    public const int MaximumLength = 200;

    /// <summary>
    /// Length, then guessability (<see cref="PasswordStrength"/>) of a password of a valid length, so a short
    /// one gets only the length message. Identity's <see cref="GuessablePasswordValidator"/> checks again
    /// with the person's address and name.
    /// </summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.NotEmpty().MinimumLength(MinimumLength).MaximumLength(MaximumLength)
            .Must(password => password is null || password.Length < MinimumLength || password.Length > MaximumLength || !PasswordStrength.IsGuessable(password))
            .WithMessage(_ => l["Dieses Passwort ist zu leicht zu erraten. Nehmen Sie zum Beispiel drei oder vier zufällige Wörter mit Leerzeichen oder Bindestrichen."]);
}
