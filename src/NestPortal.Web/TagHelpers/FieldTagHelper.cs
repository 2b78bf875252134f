using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NestPortal.Web.TagHelpers;

/// <summary>
/// One form field with its label, hint and error message, wired together for screen readers
/// (aria-describedby, aria-invalid). Every form uses it, so every form behaves the same.
/// <code>&lt;field for="Input.Email" label="@L["E-Mail-Adresse"]" type="email" autocomplete="email" /&gt;</code>
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = string.Empty;

    /// <summary>text (default), email, password, date, tel, number, textarea, checkbox or select.</summary>
    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public string? List { get; set; }
    /// <summary>Stated by the page; when left out, the page's validator decides (<see cref="RequiredFields"/>).</summary>
    public bool? Required { get; set; }
    public int Rows { get; set; } = 6;
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        // Inside a partial rendered with for="Input" the expression is relative; the generator prefixes it.
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var required = RequiredFields.Decide(ViewContext, For.ModelExplorer, Required);
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", id + "-error" }.OfType<string>());

        var attributes = new Dictionary<string, object>
        {
            ["class"] = InputClass(hasError),
            ["aria-describedby"] = describedBy,
        };
        if (hasError) attributes["aria-invalid"] = "true";
        // A required field the page states stops the browser from sending it empty; one the validator requires is announced.
        if (Required == true) attributes["required"] = "required";
        else if (required) attributes["aria-required"] = "true";
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (List is not null) attributes["list"] = List;

        // A text area's line breaks pass validation only where the property says it holds several lines (TextFields).
        if (Type == "textarea" && For.Metadata.DataTypeName != nameof(System.ComponentModel.DataAnnotations.DataType.MultilineText))
            throw new InvalidOperationException($"{For.Metadata.ContainerType?.Name}.{For.Metadata.PropertyName} is shown as a text area: mark it [DataType(DataType.MultilineText)].");

        var input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, null, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, For.Model as bool?, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, null, name, Items ?? [], false, attributes),
            _ => TextBox(name, attributes),
        };

        var label = new TagBuilder("label");
        label.AddCssClass("kern-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (required) label.InnerHtml.AppendHtml(" <span class=\"np-required\" aria-hidden=\"true\">*</span>");

        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, null, "span",
            new { @class = "kern-error np-danger", id = id + "-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        // KERN's order: label, hint, error message, then the input (the message is read before the field).
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "kern-form-check np-field" : "kern-form-input np-field");
        if (Type == "checkbox")
        {
            output.Content.AppendHtml(input).AppendHtml(label);
            AppendHint(output, id);
            if (error is not null) output.Content.AppendHtml(error);
            return;
        }

        output.Content.AppendHtml(label);
        AppendHint(output, id);
        if (error is not null) output.Content.AppendHtml(error);
        if (Type == "select")
        {
            // KERN draws the select's arrow on a wrapper.
            output.Content.AppendHtml("<div class=\"kern-form-input__select-wrapper\">").AppendHtml(input).AppendHtml("</div>");
        }
        else
        {
            output.Content.AppendHtml(input);
        }
    }

    private void AppendHint(TagHelperOutput output, string id)
    {
        if (Hint is not null) output.Content.AppendHtml($"<div id=\"{id}-hint\" class=\"kern-hint\">").Append(Hint).AppendHtml("</div>");
    }

    private string InputClass(bool hasError) => (Type, hasError) switch
    {
        ("checkbox", false) => "kern-form-check__checkbox",
        ("checkbox", true) => "kern-form-check__checkbox kern-form-check__checkbox--error",
        ("select", false) => "kern-form-input__select",
        ("select", true) => "kern-form-input__select kern-form-input__select--error",
        (_, false) => "kern-form-input__input",
        (_, true) => "kern-form-input__input kern-form-input__input--error",
    };

    private TagBuilder TextBox(string name, Dictionary<string, object> attributes)
    {
        attributes["type"] = Type;
        // Browsers' date inputs speak ISO 8601 whatever the page's language.
        var format = Type == "date" ? "{0:yyyy-MM-dd}" : null;
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attributes);
    }
}
