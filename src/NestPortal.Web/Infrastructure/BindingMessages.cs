using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
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

/// <summary>
/// MVC marks every non-nullable value type (a bool, an int) as required and, for the browser, words it with
/// the English "The X field is required.", naming the C# property. This provider runs first and words that
/// implicit rule in the page's language; MVC's own then leaves the attribute alone. Client-side only: on
/// the server a value type always has a value, and the fields people fill in are checked by FluentValidation,
/// whose messages name the field as the form does.
/// </summary>
public sealed class RequiredValueMessage(IStringLocalizer l) : IClientModelValidatorProvider, IClientModelValidator
{
    public void CreateValidators(ClientValidatorProviderContext context)
    {
        var metadata = context.ModelMetadata;
        if (!metadata.IsRequired || !metadata.ModelType.IsValueType || Nullable.GetUnderlyingType(metadata.ModelType) is not null) return;
        if (context.ValidatorMetadata.OfType<RequiredAttribute>().Any()) return;
        context.Results.Add(new ClientValidatorItem { Validator = this, IsReusable = true });
    }

    public void AddValidation(ClientModelValidationContext context)
    {
        context.Attributes.TryAdd("data-val", "true");
        // The model binding's own message for a missing value (see BindingMessages), so both read alike.
        context.Attributes.TryAdd("data-val-required", l["Bitte geben Sie einen Wert an."]);
    }
}
