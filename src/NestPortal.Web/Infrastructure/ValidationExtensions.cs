using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>
    /// Runs the page's validator (called explicitly, as FluentValidation advises) and copies its errors
    /// into ModelState under the given prefix, with the rule every text field follows (<see cref="TextFields"/>).
    /// Returns whether the input may be used.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState, string prefix = "Input")
    {
        var result = await validator.ValidateAsync(input);
        foreach (var error in result.Errors)
            modelState.AddModelError(Key(prefix, error.PropertyName), error.ErrorMessage);
        foreach (var path in TextFields.Unclean(input))
            modelState.AddModelError(Key(prefix, path), TextFields.Message(validator, input, path));
        return modelState.IsValid;
    }

    private static string Key(string prefix, string propertyName) =>
        string.IsNullOrEmpty(prefix) ? propertyName : $"{prefix}.{propertyName}";

    /// <summary>Shows broken business rules on the form, translated, instead of a 500.</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainException exception, IStringLocalizer localizer, string key = "")
    {
        foreach (var error in exception.Errors)
            modelState.AddModelError(key, localizer[error.Template, error.Arguments]);
    }
}
