using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.TagHelpers;

/// <summary>
/// Every form with a field marked required (<see cref="RequiredFields"/>) says once, at its top, what the
/// mark means; forms without one say nothing. Screen readers hear the legend and the fields' own
/// aria-required (the asterisk itself is hidden from them).
/// </summary>
[HtmlTargetElement("form")]
public sealed class RequiredLegendTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    private readonly RequiredFields.FormFields _fields = new();
    private object? _enclosing;

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>
    /// Before any tag helper of the form renders its fields (MVC's own renders them first, to add what belongs at
    /// the form's end), the form starts collecting; kept with the request because fields often sit in a partial.
    /// </summary>
    public override void Init(TagHelperContext context)
    {
        _enclosing = ViewContext.HttpContext.Items[RequiredFields.FormKey];
        ViewContext.HttpContext.Items[RequiredFields.FormKey] = _fields;
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // The fields are rendered by now or here (the result is kept, not rendered twice): they tell whether any is required.
        try
        {
            await output.GetChildContentAsync();
        }
        finally
        {
            ViewContext.HttpContext.Items[RequiredFields.FormKey] = _enclosing;
        }

        if (!_fields.AnyRequired) return;
        var legend = HtmlEncoder.Default.Encode(l["Pflichtfelder sind mit * markiert."]);
        output.PreContent.AppendHtml($"<p class=\"kern-hint kern-mb-sm\" data-fact=\"required-legend\">{legend}</p>");
    }
}
