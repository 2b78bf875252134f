using FluentValidation;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// The six-digit code from an authenticator app, as the sign-in and the enrolment pages take it: one
/// rule, so a code one page accepts is never refused by the other for its spelling.
/// </summary>
public sealed class AuthenticatorCodeInput
{
    /// <summary>As typed; apps show the code in groups ("123 456", "123-456").</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The digits alone, as Identity verifies them.</summary>
    public string Digits => Code.Replace(" ", string.Empty).Replace("-", string.Empty);

    public sealed class Validator : AbstractValidator<AuthenticatorCodeInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Code).NotEmpty().Matches(@"^[0-9 \-]{6,9}$")
                .WithMessage(_ => l["Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein."])
                .WithName(_ => l["Code"]);
        }
    }
}
