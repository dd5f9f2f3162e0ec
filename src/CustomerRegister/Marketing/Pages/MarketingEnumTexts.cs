using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.Pages;

/// <summary>
/// One text per value of the marketing enums, keyed <c>{Enum type}.{value}</c> and read by
/// <see cref="Display.Enum{T}"/>: the panel, the start page and the form's choices say the same word.
/// </summary>
[TextTable]
public static class MarketingEnumTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["MarketingChannel.Email"] = new("Sähköposti", "E-post", "Email"),
        ["MarketingChannel.Sms"] = new("Tekstiviesti", "Textmeddelande", "Text message"),
        ["MarketingChannel.Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["MarketingChannel.Post"] = new("Posti", "Post", "Post"),
        ["MarketingChannel.Web"] = new("Verkkosivusto", "Webbplats", "Website"),
        ["ConsentEntryKind.PermissionGranted"] = new("Markkinointilupa", "Marknadsföringstillstånd", "Permission given"),
        ["ConsentEntryKind.PermissionWithdrawn"] = new("Luvan peruutus", "Återkallat tillstånd", "Permission withdrawn"),
        ["ConsentEntryKind.Prohibition"] = new("Markkinointikielto", "Marknadsföringsförbud", "Prohibition"),
        ["ConsentEntryKind.ProhibitionLifted"] = new("Kiellon peruutus", "Hävt förbud", "Prohibition lifted"),
        ["ConsentEntryKind.SoftOptIn"] = new("Asiakassuhteen peruste", "Grund i kundrelationen", "Soft opt-in"),
        ["ParticipationStatus.Invited"] = new("Kutsuttu", "Inbjuden", "Invited"),
        ["ParticipationStatus.Registered"] = new("Ilmoittautunut", "Anmäld", "Registered"),
        ["ParticipationStatus.Attended"] = new("Osallistui", "Deltog", "Attended"),
        ["ParticipationStatus.Cancelled"] = new("Peruutti", "Avbokad", "Cancelled"),
        ["WebEventKind.PageView"] = new("Sivun katselu", "Sidvisning", "Page view"),
        ["WebEventKind.Download"] = new("Lataus", "Nedladdning", "Download"),
        ["WebEventKind.FormSubmit"] = new("Lomakkeen lähetys", "Formulär skickat", "Form submitted"),
    };
}
