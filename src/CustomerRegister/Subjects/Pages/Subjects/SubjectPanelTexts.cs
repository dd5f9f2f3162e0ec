using CustomerRegister.Localization;

namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>Words the person page's panels share, and the contact-details panel's actions.</summary>
[TextTable]
public static class SubjectPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Common.DueToday"] = new("määräpäivä tänään", "förfaller i dag", "due today"),
        ["Panel.Common.DaysLeft"] = new("{0} pv jäljellä", "{0} dagar kvar", "{0} days left"),
        ["Panel.Common.DaysOverdue"] = new("{0} pv myöhässä", "{0} dagar försenad", "{0} days overdue"),
        ["Panel.Common.Source"] = new("lähde: {0}", "källa: {0}", "source: {0}"),
        ["Panel.Common.Ongoing"] = new("jatkuu", "pågår", "ongoing"),
        ["Panel.Common.Purpose"] = new("Käyttötarkoitus", "Ändamål", "Purpose"),
        ["Panel.ContactDetails.Edit"] = new("Muokkaa", "Redigera", "Edit"),
        ["Panel.ContactDetails.ChangeBankAccount"] = new("Vaihda tilinumero", "Byt kontonummer", "Change bank account"),
        ["Panel.ContactDetails.AddBankAccount"] = new("Lisää tilinumero", "Lägg till kontonummer", "Add bank account"),
    };
}
