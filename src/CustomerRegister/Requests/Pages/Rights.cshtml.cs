using System.Globalization;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Requests.Pages;

/// <summary>The public data-subject request form; submits through the same use case as POST /api/public/requests.</summary>
public sealed class RightsModel(RequestIntake intake) : PageModel
{
    public RequestType? Type { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public string? Text { get; private set; }

    public string Language { get; } = Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public bool Sent { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(
        RequestType? type, string? name, string? email, string? phone, string? address, string? text, string? language, CancellationToken ct)
    {
        (Type, Name, Email, Phone, Address, Text) = (type, name, email, phone, address, text);
        var outcome = await intake.SubmitPublicAsync(new PublicRequestInput(type, name, email, phone, address, text, language ?? Language), ct);
        if (outcome.Value is { IsBusy: true })
        {
            Errors["form"] = UiText.Get("Rights.Busy");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            // The use case names each bad field; the page says it in the reader's language.
            var given = new Dictionary<string, string?> { ["type"] = type?.ToString(), ["name"] = name, ["email"] = email, ["phone"] = phone, ["address"] = address, ["text"] = text };
            foreach (var field in errors.ToDictionary().Keys)
            {
                Errors[field] = UiText.Get(string.IsNullOrWhiteSpace(given.GetValueOrDefault(field)) ? "Field.Required" : "Field.Invalid");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Sent = true;
        return Page();
    }
}
