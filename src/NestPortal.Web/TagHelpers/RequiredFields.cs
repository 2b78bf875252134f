using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NestPortal.Web.TagHelpers;

/// <summary>
/// Whether a form field is required, as its page's validator says: a property with a NotEmpty or NotNull
/// rule that always applies (no When, no rule set) is required; one required only in some cases (a legal
/// person's name, a municipality for the municipality role) is not marked, since the mark would be wrong
/// in the other cases. A page can still say so itself (required="true" or "false" on the field).
/// Fields found required are counted for their form, which then shows the legend for the mark
/// (<see cref="RequiredLegendTagHelper"/>).
/// </summary>
public static class RequiredFields
{
    /// <summary>
    /// Where the form being rendered collects whether any of its fields is marked. Kept with the request, not
    /// the tag helper context, because a form's fields are often in a partial view of their own.
    /// </summary>
    internal const string FormKey = "NestPortal.RequiredFields";

    /// <summary>Decides and records for the enclosing form whether the field is required.</summary>
    public static bool Decide(ViewContext view, ModelExplorer field, bool? stated)
    {
        var required = stated ?? IsRequiredByValidator(view.HttpContext.RequestServices, field.Metadata);
        if (required && view.HttpContext.Items.TryGetValue(FormKey, out var form) && form is FormFields fields) fields.AnyRequired = true;
        return required;
    }

    /// <summary>
    /// The rule as the validator of the field's model (the page's Input) states it; false where no validator
    /// is known. A validator's rules are fixed when it is built, so each field is asked once per process,
    /// not a validator built for every field of every form rendered.
    /// </summary>
    public static bool IsRequiredByValidator(IServiceProvider services, ModelMetadata field)
    {
        if (field.ContainerType is not { } container || field.PropertyName is not { } property) return false;
        return Known.GetOrAdd((container, property), key =>
            services.GetService(typeof(IValidator<>).MakeGenericType(key.Container)) is IValidator validator
            && validator.CreateDescriptor().GetRulesForMember(key.Property).Any(AlwaysRequires));
    }

    private static readonly ConcurrentDictionary<(Type Container, string Property), bool> Known = new();

    private static bool AlwaysRequires(IValidationRule rule) =>
        !rule.HasCondition && !rule.HasAsyncCondition
        && (rule.RuleSets is null || rule.RuleSets.Length == 0 || rule.RuleSets.Contains("default"))
        && rule.Components.Any(c => !c.HasCondition && !c.HasAsyncCondition && c.Validator is INotNullValidator or INotEmptyValidator);

    /// <summary>What one form learns from its fields.</summary>
    internal sealed class FormFields
    {
        public bool AnyRequired { get; set; }
    }
}
