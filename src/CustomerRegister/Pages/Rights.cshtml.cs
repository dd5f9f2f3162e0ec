using System.Globalization;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Pages;

/// <summary>The public data-subject request form; submits through the same use case as POST /api/public/requests.</summary>
public sealed class RightsModel(RequestHandling handling) : PageModel
{
    public RequestType? Type { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public string? Text { get; private set; }

    public string Language { get; } = RequestLetters.Normalise(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public bool Sent { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(
        RequestType? type, string? name, string? email, string? phone, string? address, string? text, string? language, CancellationToken ct)
    {
        (Type, Name, Email, Phone, Address, Text) = (type, name, email, phone, address, text);
        var outcome = await handling.SubmitPublicAsync(new PublicRequestInput(type, name, email, phone, address, text, language ?? Language), ct);
        if (outcome.TooMany)
        {
            Errors["form"] = Localization.UiText.Get("Rights.Busy");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                Errors[field] = string.Join(" ", messages);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Sent = true;
        return Page();
    }
}
