using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Infrastructure;

/// <summary>Model binding's own messages ("The value 'x' is not valid") in the person's language.</summary>
public static class BindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider messages, IStringLocalizer l)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["Der Wert „{0}“ ist für {1} ungültig.", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => l["Bitte geben Sie {0} an.", field]);
        messages.SetMissingKeyOrValueAccessor(() => l["Bitte geben Sie einen Wert an."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Bitte geben Sie einen Wert an."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Der Wert „{0}“ ist ungültig.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Der eingegebene Wert ist ungültig."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Bitte geben Sie eine Zahl ein."]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["Der eingegebene Wert ist für {0} ungültig.", field]);
        messages.SetValueIsInvalidAccessor(value => l["Der Wert „{0}“ ist ungültig.", value]);
        messages.SetValueMustBeANumberAccessor(field => l["{0} muss eine Zahl sein.", field]);
        messages.SetValueMustNotBeNullAccessor(value => l["Bitte geben Sie einen Wert an."]);
    }
}
