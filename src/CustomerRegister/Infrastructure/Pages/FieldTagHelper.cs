using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CustomerRegister.Infrastructure.Pages;

/// <summary>
/// One form field as every page draws it: the label, the input bound to the model, a hint, and the refusal's reason
/// beside the field in the page's language, tied to the input with <c>aria-describedby</c> and <c>aria-invalid</c>
/// (WCAG 3.3.1). <c>&lt;field for="Input.FirstName" label="Field.FirstName" /&gt;</c>; <c>type</c> is any input
/// type, <c>textarea</c> or <c>select</c> (with <c>items</c>); <c>label</c> and <c>hint</c> are <see cref="UiText"/> keys.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The select's first, empty choice (a UiText key); none when null.</summary>
    [HtmlAttributeName("placeholder-option")]
    public string? PlaceholderOption { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("required")]
    public bool Required { get; set; }

    [HtmlAttributeName("autofocus")]
    public bool Autofocus { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var invalid = errors is { Count: > 0 };
        var described = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", invalid ? "field invalid" : "field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(UiText.Get(Label));
        if (Required)
        {
            label.InnerHtml.AppendHtml(" <span class=\"required\" aria-hidden=\"true\">*</span>");
        }

        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.Attributes["id"] = id + "-hint";
            hint.AddCssClass("hint");
            hint.InnerHtml.Append(UiText.Get(Hint));
            output.Content.AppendHtml(hint);
            described.Add(id + "-hint");
        }

        if (invalid)
        {
            described.Add(id + "-error");
        }

        var attributes = new Dictionary<string, object?>();
        if (described.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', described);
        }

        if (invalid)
        {
            attributes["aria-invalid"] = "true";
        }

        if (Required)
        {
            attributes["required"] = "required";
            attributes["aria-required"] = "true";
        }

        if (Autofocus)
        {
            attributes["autofocus"] = "autofocus";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (InputMode is not null)
        {
            attributes["inputmode"] = InputMode;
        }

        var input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, 4, 60, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer,
                PlaceholderOption is null ? null : UiText.Get(PlaceholderOption), name, Items ?? [], false, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, null, attributes),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, WireFormat(Type), WithType(attributes)),
        };
        input.Attributes["id"] = id;
        output.Content.AppendHtml(input);
        if (Type == "checkbox")
        {
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
        }

        if (invalid)
        {
            var error = new TagBuilder("p");
            error.Attributes["id"] = id + "-error";
            error.AddCssClass("error");
            error.InnerHtml.Append(string.Join(" ", errors!.Select(e => e.ErrorMessage)));
            output.Content.AppendHtml(error);
        }
    }

    /// <summary>Date inputs take and give ISO values whatever the page's language (HTML's "valid date string").</summary>
    private static string? WireFormat(string type) => type switch
    {
        "date" => "{0:yyyy-MM-dd}",
        "datetime-local" => "{0:yyyy-MM-ddTHH:mm}",
        _ => null,
    };

    private Dictionary<string, object?> WithType(Dictionary<string, object?> attributes)
    {
        attributes["type"] = Type;
        return attributes;
    }
}
