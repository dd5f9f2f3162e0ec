using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Breaches;

/// <summary>What a breach record must say (Art 33(3), 33(5)): each missing or bad field named, in every language.</summary>
public static class BreachRules
{
    public const int MaxText = 4000;

    /// <summary>An approximate number above this is refused as a typing error (the register has no more people).</summary>
    public const int MaxCount = 100_000_000;

    public static readonly LocalText UnknownCategory = new(
        "Tuntematon tietoryhmä.", "Okänd uppgiftskategori.", "Unknown data category.");

    public static readonly LocalText AtLeastOneCategory = new(
        "Valitse vähintään yksi tietoryhmä.", "Välj minst en uppgiftskategori.", "Choose at least one data category.");

    public static readonly LocalText NotBeforeDiscovery = new(
        "Ei voi olla ennen loukkauksen havaitsemista.", "Kan inte ligga före upptäckten.", "Cannot be before the breach was discovered.");

    public static readonly LocalText OccurredAfterDiscovery = new(
        "Ei voi olla havaitsemisen jälkeen.", "Kan inte ligga efter upptäckten.", "Cannot be after the breach was discovered.");

    public static readonly LocalText DelayReasonRequired = new(
        "Ilmoitus tehtiin yli 72 tunnin kuluttua: kerro viivästyksen syy (tietosuoja-asetuksen 33 artiklan 1 kohta).",
        "Anmälan gjordes efter mer än 72 timmar: ange skälen till förseningen (artikel 33.1 i dataskyddsförordningen).",
        "Notified after more than 72 hours: give the reasons for the delay (GDPR Art 33(1)).");

    public static readonly LocalText AlreadyDecided = new(
        "Ilmoitus valvontaviranomaiselle on jo kirjattu.", "Anmälan till tillsynsmyndigheten är redan registrerad.",
        "The notification to the authority is already recorded.");

    public static readonly LocalText DecisionRequired = new(
        "Valitse päätös.", "Välj ett beslut.", "Choose a decision.");

    public static readonly LocalText NoPeopleFound = new(
        "Valitun käyttäjän tapahtumista ei löytynyt yhtään henkilöä tältä ajalta.",
        "Inga personer hittades i den valda användarens händelser under perioden.",
        "No person was found in the chosen actor's events in that period.");

    /// <summary>The categories a breach may name: every category of the catalogue.</summary>
    public static IReadOnlyList<DataCategory> Choices => Categories.All;

    public static FieldErrors Validate(BreachInput input, DateTime now)
    {
        var errors = new FieldErrors();
        if (input.DiscoveredAt is not { } discovered)
        {
            errors.Add("discoveredAt", FieldMessages.Required);
        }
        else if (discovered > now)
        {
            errors.Add("discoveredAt", FieldMessages.NotInFuture);
        }

        if (input.OccurredAt is { } occurred)
        {
            if (occurred > now)
            {
                errors.Add("occurredAt", FieldMessages.NotInFuture);
            }
            else if (input.DiscoveredAt is { } d && occurred > d)
            {
                errors.Add("occurredAt", OccurredAfterDiscovery);
            }
        }

        errors.Required("description", input.Description, MaxText);
        var categories = input.Categories ?? [];
        if (categories.Count == 0)
        {
            errors.Add("categories", AtLeastOneCategory);
        }
        else if (categories.Any(c => !Choices.Any(k => k.Id == c)))
        {
            errors.Add("categories", UnknownCategory);
        }

        Count(errors, "approxPeople", input.ApproxPeople);
        Count(errors, "approxRecords", input.ApproxRecords);
        errors.Required("consequences", input.Consequences, MaxText);
        errors.Required("measures", input.Measures, MaxText);
        return errors;
    }

    public static FieldErrors Validate(AuthorityInput input, Breach breach, DateTime now)
    {
        var errors = new FieldErrors();
        if (input.Version is null)
        {
            errors.Add("version", FieldMessages.RequiredVersion);
        }

        switch (input.Decision)
        {
            case AuthorityDecision.Notified:
                if (input.NotifiedAt is not { } at)
                {
                    errors.Add("notifiedAt", FieldMessages.Required);
                }
                else if (at > now)
                {
                    errors.Add("notifiedAt", FieldMessages.NotInFuture);
                }
                else if (at < breach.DiscoveredAt)
                {
                    errors.Add("notifiedAt", NotBeforeDiscovery);
                }
                else if (at > BreachClock.DueAt(breach.DiscoveredAt) && string.IsNullOrWhiteSpace(input.Reason))
                {
                    errors.Add("reason", DelayReasonRequired);
                }

                errors.Required("reference", input.Reference, 200);
                Optional(errors, "reason", input.Reason);
                break;
            case AuthorityDecision.NotRequired:
                errors.Required("reason", input.Reason, MaxText);
                break;
            default:
                errors.Add("decision", FieldMessages.RequiredOneOf([nameof(AuthorityDecision.Notified), nameof(AuthorityDecision.NotRequired)]));
                break;
        }

        return errors;
    }

    public static FieldErrors Validate(PeopleInput input)
    {
        var errors = new FieldErrors();
        if (input.Version is null)
        {
            errors.Add("version", FieldMessages.RequiredVersion);
        }

        switch (input.Decision)
        {
            case PeopleDecision.Notify:
                Optional(errors, "reason", input.Reason);
                break;
            case PeopleDecision.DoNotNotify:
                // Art 34(3): why the people are not told (e.g. the data was encrypted, the risk no longer likely).
                errors.Required("reason", input.Reason, MaxText);
                break;
            default:
                errors.Add("decision", FieldMessages.RequiredOneOf([nameof(PeopleDecision.Notify), nameof(PeopleDecision.DoNotNotify)]));
                break;
        }

        return errors;
    }

    public static FieldErrors Validate(AffectedSearch input)
    {
        var errors = new FieldErrors();
        if (input.ActorId is null)
        {
            errors.Add("actorId", FieldMessages.Required);
        }

        if (input.From is null)
        {
            errors.Add("from", FieldMessages.Required);
        }

        if (input.To is null)
        {
            errors.Add("to", FieldMessages.Required);
        }
        else if (input.From is { } f && input.To < f)
        {
            errors.Add("to", NotBeforeStart);
        }

        return errors;
    }

    private static readonly LocalText NotBeforeStart = new(
        "Päättymishetki on ennen alkamishetkeä.", "Sluttiden är före starttiden.", "The end is before the start.");

    private static void Count(FieldErrors errors, string field, int? value)
    {
        if (value is not { } v)
        {
            errors.Add(field, FieldMessages.Required);
        }
        else if (v < 0 || v > MaxCount)
        {
            errors.Add(field, FieldMessages.Between(0, MaxCount));
        }
    }

    private static void Optional(FieldErrors errors, string field, string? value)
    {
        if (value is { Length: > MaxText })
        {
            errors.Add(field, FieldMessages.TooLong(MaxText));
        }
    }
}
