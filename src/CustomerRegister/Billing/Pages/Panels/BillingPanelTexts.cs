using CustomerRegister.Localization;

namespace CustomerRegister.Billing.Pages.Panels;

[TextTable]
public static class BillingPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Billing.NewInvoice"] = new("+ Uusi lasku", "+ Ny faktura", "+ New invoice"),
        ["Panel.Billing.NewPayout"] = new("+ Uusi metallihyvitys", "+ Ny metallgottgörelse", "+ New metal credit"),
        ["Panel.Billing.Invoices"] = new("Laskut (uusin ensin)", "Fakturor (nyaste först)", "Invoices (newest first)"),
        ["Panel.Billing.Invoice"] = new("Lasku", "Faktura", "Invoice"),
        ["Panel.Billing.Issued"] = new("Päiväys", "Datum", "Issued"),
        ["Panel.Billing.Due"] = new("Eräpäivä", "Förfallodag", "Due"),
        ["Panel.Billing.Amount"] = new("Summa", "Belopp", "Amount"),
        ["Panel.Billing.Overdue"] = new("Myöhässä", "Försenad", "Overdue"),
        ["Panel.Billing.Paid"] = new("Maksettu", "Betalt", "Paid"),
        ["Panel.Billing.State"] = new("Tila", "Status", "State"),
        ["Panel.Billing.Payments"] = new("Maksut", "Betalningar", "Payments"),
        ["Panel.Billing.Reference"] = new("viite {0}", "referens {0}", "reference {0}"),
        ["Panel.Billing.Collection"] = new("Perintä", "Indrivning", "Collection"),
        ["Panel.Billing.CollectionOpened"] = new("avattu {0}", "öppnad {0}", "opened {0}"),
        ["Panel.Billing.CollectionClosed"] = new("suljettu {0}", "stängd {0}", "closed {0}"),
        ["Panel.Billing.CollectionInvoices"] = new("laskut {0}", "fakturor {0}", "invoices {0}"),
        ["Panel.Billing.Payouts"] = new("Metallihyvitykset", "Metallgottgörelser", "Metal credits"),
        ["Panel.Billing.Weight"] = new("{0} kg", "{0} kg", "{0} kg"),
        ["Panel.Billing.Account"] = new("tilille {0}", "till kontot {0}", "to account {0}"),
    };
}
