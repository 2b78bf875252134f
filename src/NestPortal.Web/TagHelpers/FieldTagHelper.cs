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
            ["class"] = Type switch { "checkbox" => "form-check-input", "select" => "form-select", _ => "form-control" },
            ["aria-describedby"] = describedBy,
        };
        if (hasError) attributes["aria-invalid"] = "true";
        // A required field the page states stops the browser from sending it empty; one the validator requires is announced.
        if (Required == true) attributes["required"] = "required";
        else if (required) attributes["aria-required"] = "true";
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (List is not null) attributes["list"] = List;

        var input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, null, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, For.Model as bool?, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, null, name, Items ?? [], false, attributes),
            _ => TextBox(name, attributes),
        };

        var label = new TagBuilder("label");
        label.AddCssClass(Type == "checkbox" ? "form-check-label" : "form-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (required) label.InnerHtml.AppendHtml(" <span class=\"text-danger\" aria-hidden=\"true\">*</span>");

        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, null, "span",
            new { @class = "text-danger d-block", id = id + "-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "form-check mb-3" : "mb-3");
        if (Type == "checkbox")
        {
            output.Content.AppendHtml(input).AppendHtml(label);
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(input);
        }

        if (Hint is not null) output.Content.AppendHtml($"<div id=\"{id}-hint\" class=\"form-text\">").Append(Hint).AppendHtml("</div>");
        if (error is not null) output.Content.AppendHtml(error);
    }

    private TagBuilder TextBox(string name, Dictionary<string, object> attributes)
    {
        attributes["type"] = Type;
        // Browsers' date inputs speak ISO 8601 whatever the page's language.
        var format = Type == "date" ? "{0:yyyy-MM-dd}" : null;
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attributes);
    }
}
