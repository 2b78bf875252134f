using FluentValidation;
using FluentValidation.Validators;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// An e-mail address the portal can send to (<see cref="MailAddresses"/>). It words its message as
/// FluentValidation's e-mail rule does and, being an <see cref="IEmailValidator"/>, gets the same
/// client-side check in the browser. Generic over the text's nullability, so optional and required
/// address fields take the same rule.
/// </summary>
public sealed class MailAddressValidator<T, TText> : PropertyValidator<T, TText>, IEmailValidator
{
    public override string Name => "EmailValidator";

    public override bool IsValid(ValidationContext<T> context, TText value) => value is not string text || MailAddresses.CanSendTo(text);

    protected override string GetDefaultMessageTemplate(string errorCode) => Localized(errorCode, Name);
}

public static class MailAddressRule
{
    /// <summary>Use instead of <c>EmailAddress()</c>: refuses what the mailer cannot send to, not only what lacks an "@".</summary>
    public static IRuleBuilderOptions<T, TText> MailAddress<T, TText>(this IRuleBuilder<T, TText> rule) =>
        rule.SetValidator(new MailAddressValidator<T, TText>());
}
