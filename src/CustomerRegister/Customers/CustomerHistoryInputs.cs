using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Customers;

/// <summary>A time a client says has already happened: at most a little clock skew ahead of now; stored as UTC.</summary>
internal static class PastTime
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static DateTime? Read(FieldErrors errors, string field, DateTime? value, DateTime now)
    {
        if (value is { } v && v.ToUniversalTime() > now + FutureTolerance)
        {
            errors.Add(field, FieldMessages.NotInFuture);
        }

        return value?.ToUniversalTime();
    }
}

/// <summary>A required choice among an enum's values; the error lists the allowed names.</summary>
internal static class Choice
{
    public static void Required<T>(FieldErrors errors, string field, T? value)
        where T : struct, Enum
    {
        if (value is null)
        {
            errors.Add(field, FieldMessages.RequiredOneOf<T>());
        }
    }
}

internal sealed record HistoryInput(ContactChannel Channel, ContactDirection Direction, DateTime OccurredAt, string Summary)
{
    public static HistoryInput Read(ContactHistoryRequest r, FieldErrors errors, DateTime now)
    {
        Choice.Required(errors, "channel", r.Channel);
        Choice.Required(errors, "direction", r.Direction);

        var at = PastTime.Read(errors, "occurredAt", r.OccurredAt, now) ?? now;
        var summary = errors.Text("summary", r.Summary, RelationshipRules.MaxSummaryLength, required: true) ?? "";
        return new(r.Channel ?? default, r.Direction ?? default, at, summary);
    }

    public void ApplyTo(ContactHistoryEntry e)
    {
        e.Channel = Channel;
        e.Direction = Direction;
        e.OccurredAt = OccurredAt;
        e.Summary = Summary;
    }
}

internal sealed record FeedbackInput(DateTime ReceivedAt, ContactChannel Channel, string Text, int? Rating, bool Handled)
{
    public static FeedbackInput Read(FeedbackRequest r, FieldErrors errors, DateTime now)
    {
        Choice.Required(errors, "channel", r.Channel);

        if (r.Rating is < 1 or > 5)
        {
            errors.Add("rating", new LocalText("Väliltä 1–5, tai jätä tyhjäksi.", "Mellan 1 och 5, eller lämna tomt.", "Between 1 and 5, or left out."));
        }

        var at = PastTime.Read(errors, "receivedAt", r.ReceivedAt, now) ?? now;
        var text = errors.Text("text", r.Text, RelationshipRules.MaxFeedbackLength, required: true) ?? "";
        return new(at, r.Channel ?? default, text, r.Rating, r.Handled ?? false);
    }

    public void ApplyTo(Feedback f)
    {
        f.ReceivedAt = ReceivedAt;
        f.Channel = Channel;
        f.Text = Text;
        f.Rating = Rating;
        f.Handled = Handled;
    }
}

internal sealed record InfoInput(string Text, string ConsentText, string? ConsentVersion, DateTime ConsentedAt)
{
    public static InfoInput Read(AdditionalInfoRequest r, FieldErrors errors, DateTime now) => new(
        errors.Text("text", r.Text, RelationshipRules.MaxSummaryLength, required: true) ?? "",
        errors.Text("consentText", r.ConsentText, 1000, required: true) ?? "",
        errors.Text("consentVersion", r.ConsentVersion, 50),
        PastTime.Read(errors, "consentedAt", r.ConsentedAt, now) ?? now);

    public void ApplyTo(AdditionalInfo a)
    {
        a.Text = Text;
        a.ConsentText = ConsentText;
        a.ConsentVersion = ConsentVersion;
        a.ConsentedAt = ConsentedAt;
    }
}
