using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Infrastructure;

/// <summary>Identity's errors (duplicate email, short password, invalid link) in German or English.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError Error(string code, LocalizedString text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Ein unbekannter Fehler ist aufgetreten."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Das Konto wurde inzwischen geändert. Bitte laden Sie die Seite neu."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Das Passwort ist falsch."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), l["Diese Anmeldung ist bereits einem Konto zugeordnet."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Der Benutzername „{0}“ ist ungültig.", userName ?? string.Empty]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Die E-Mail-Adresse „{0}“ ist ungültig.", email ?? string.Empty]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Für {0} gibt es bereits ein Konto.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["Für {0} gibt es bereits ein Konto.", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), l["Die Rolle „{0}“ ist ungültig.", role ?? string.Empty]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), l["Die Rolle „{0}“ gibt es bereits.", role]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["Für dieses Konto ist bereits ein Passwort gesetzt."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), l["Die Sperre ist für dieses Konto nicht aktiviert."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["Das Konto hat die Rolle „{0}“ bereits.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), l["Das Konto hat die Rolle „{0}“ nicht.", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Das Passwort muss mindestens {0} Zeichen lang sein.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["Das Passwort muss mindestens {0} verschiedene Zeichen enthalten.", uniqueChars]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), l["Der Wiederherstellungscode ist ungültig."]);
}
