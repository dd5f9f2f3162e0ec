using CustomerRegister.Localization;

namespace CustomerRegister.Requests.Pages.Panels;

[TextTable]
public static class RequestsPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Requests.Type"] = new("Pyyntö", "Begäran", "Request"),
        ["Panel.Requests.State"] = new("Tila", "Status", "State"),
        ["Panel.Requests.Received"] = new("Saapunut", "Inkommen", "Received"),
        ["Panel.Requests.Due"] = new("Määräpäivä", "Förfallodag", "Due date"),
        ["Panel.Requests.Overdue"] = new("Myöhässä", "Försenad", "Overdue"),
        ["Panel.Requests.Extended"] = new("Jatkettu", "Förlängd", "Extended"),
    };
}
