using CustomerRegister.Catalog;
using CustomerRegister.Localization;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>A contact-history entry's correction as typed; the time is Helsinki wall-clock time.</summary>
public sealed class ContactEditForm : IVersionedForm
{
    public ContactChannel? Channel { get; set; }

    public ContactDirection? Direction { get; set; }

    public DateTime? OccurredAt { get; set; }

    public string? Summary { get; set; }

    public DataSource? Source { get; set; }

    public long? Version { get; set; }

    public ContactHistoryRequest ToRequest() =>
        new(Channel, Direction, FormTimes.FromHelsinki(OccurredAt), Summary, null, Source, Version);

    public static ContactEditForm Of(ContactHistoryEntry e) => new()
    {
        Channel = e.Channel,
        Direction = e.Direction,
        OccurredAt = FormTimes.ToHelsinki(e.OccurredAt),
        Summary = e.Summary,
        Source = e.Source,
        Version = e.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.Summary", Summary), ("Form.Customer.Channel", Channel is { } c ? Display.Enum(c) : null),
        ("Form.Customer.Direction", Direction is { } d ? Display.Enum(d) : null),
        ("Form.Customer.OccurredAt", OccurredAt is { } t ? Display.DateTime(FormTimes.FromHelsinki(t)) : null),
        ("Field.Source", Source is { } s ? UiText.Get("Source." + s) : null),
    ];
}

/// <summary>A feedback correction as typed: its text, channel, rating, time and whether it is handled.</summary>
public sealed class FeedbackEditForm : IVersionedForm
{
    public string? Text { get; set; }

    public ContactChannel? Channel { get; set; }

    public int? Rating { get; set; }

    public bool Handled { get; set; }

    public DateTime? ReceivedAt { get; set; }

    public DataSource? Source { get; set; }

    public long? Version { get; set; }

    public FeedbackRequest ToRequest() =>
        new(FormTimes.FromHelsinki(ReceivedAt), Channel, Text, Rating, Handled, Source, Version);

    public static FeedbackEditForm Of(Feedback f) => new()
    {
        Text = f.Text,
        Channel = f.Channel,
        Rating = f.Rating,
        Handled = f.Handled,
        ReceivedAt = FormTimes.ToHelsinki(f.ReceivedAt),
        Source = f.Source,
        Version = f.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.FeedbackText", Text), ("Form.Customer.Channel", Channel is { } c ? Display.Enum(c) : null),
        ("Form.Customer.Rating", Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Form.Customer.Handled", Display.YesNo(Handled)),
        ("Form.Customer.ReceivedAt", ReceivedAt is { } t ? Display.DateTime(FormTimes.FromHelsinki(t)) : null),
        ("Field.Source", Source is { } s ? UiText.Get("Source." + s) : null),
    ];
}
