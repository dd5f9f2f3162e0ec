namespace CustomerRegister.Profiling;

/// <summary>What the segment rule reads of one person: the last business and the business in the window.</summary>
/// <param name="Today">The Helsinki day of the run.</param>
/// <param name="LastBusinessOn">The last scrap delivery (metal-credit payout) or invoice, ever.</param>
/// <param name="Deliveries">Scrap deliveries in the window.</param>
/// <param name="Invoices">Invoices (not cancelled) in the window.</param>
/// <param name="Value">Euros paid out and invoiced in the window.</param>
public sealed record BusinessInputs(DateOnly Today, DateOnly? LastBusinessOn, int Deliveries, int Invoices, decimal Value)
{
    /// <summary>Visits in the window: each delivery and each invoice.</summary>
    public int Visits => Deliveries + Invoices;
}

/// <summary>
/// The segment by recency, frequency and value (RFM), a pure rule: nothing older than the window counts, a customer whose
/// last business is older than <see cref="ProfilingOptions.ActiveMonths"/> is lapsing and older than the window dormant;
/// otherwise the business that dominates decides — scrap deliveries make a scrap seller (active from
/// <see cref="ProfilingOptions.ActiveDeliveriesPerYear"/>), invoices a service customer (major from
/// <see cref="ProfilingOptions.MajorCustomerEuros"/>). No business at all: no segment.
/// </summary>
public static class SegmentRule
{
    /// <summary>The rule and its version, stored with each result; a change of the logic gets a new version.</summary>
    public const string Id = "segment-rfm/1";

    public static Segment? Apply(BusinessInputs inputs, ProfilingOptions options)
    {
        if (inputs.LastBusinessOn is not { } last)
        {
            return null;
        }

        var months = MonthsBetween(last, inputs.Today);
        if (months >= options.WindowMonths)
        {
            return Segment.Dormant;
        }

        if (months >= options.ActiveMonths || inputs.Visits == 0)
        {
            return Segment.Lapsing;
        }

        if (inputs.Deliveries > 0 && inputs.Deliveries >= inputs.Invoices)
        {
            return inputs.Deliveries >= options.ActiveDeliveriesPerYear ? Segment.ActiveScrapSeller : Segment.OccasionalScrapSeller;
        }

        return inputs.Value >= options.MajorCustomerEuros ? Segment.MajorServiceCustomer : Segment.ServiceCustomer;
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (0 when less than a month).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }

    /// <summary>The first day of the window that ends on <paramref name="today"/>.</summary>
    public static DateOnly WindowStart(DateOnly today, ProfilingOptions options) => today.AddMonths(-options.WindowMonths).AddDays(1);
}

/// <summary>What the interest rule reads of one person, all within the window but the services in force.</summary>
public sealed record InterestInputs(int Deliveries, int Certificates, IReadOnlyList<string> ActiveServices, IReadOnlyList<string> ContactSummaries);

/// <summary>One interest found, with what it was read from and how many such items.</summary>
public sealed record InterestOutcome(ServiceInterest Interest, InterestEvidence Evidence, int Count);

/// <summary>
/// Service interests from the service and contact history, a pure rule: scrap deliveries show an interest in selling
/// scrap, scrapping certificates in vehicle scrapping; an ordered service in force whose name has a word of
/// <see cref="ProfilingOptions.InterestWords"/> shows that interest, and so do at least
/// <see cref="ProfilingOptions.InterestContacts"/> contacts whose summary has one. Each interest once, by the first
/// evidence in that order.
/// </summary>
public static class InterestRule
{
    public const string Id = "interest-history/1";

    public static IReadOnlyList<InterestOutcome> Apply(InterestInputs inputs, ProfilingOptions options)
    {
        var found = new List<InterestOutcome>();
        if (inputs.Deliveries > 0)
        {
            found.Add(new(ServiceInterest.ScrapMetal, InterestEvidence.ScrapDeliveries, inputs.Deliveries));
        }

        if (inputs.Certificates > 0)
        {
            found.Add(new(ServiceInterest.VehicleScrapping, InterestEvidence.ScrappingCertificates, inputs.Certificates));
        }

        foreach (var interest in Enum.GetValues<ServiceInterest>())
        {
            if (found.Any(f => f.Interest == interest) || !options.InterestWords.TryGetValue(interest, out var words) || words.Length == 0)
            {
                continue;
            }

            var services = inputs.ActiveServices.Count(s => Mentions(s, words));
            if (services > 0)
            {
                found.Add(new(interest, InterestEvidence.OrderedServices, services));
                continue;
            }

            var contacts = inputs.ContactSummaries.Count(s => Mentions(s, words));
            if (contacts >= options.InterestContacts)
            {
                found.Add(new(interest, InterestEvidence.Contacts, contacts));
            }
        }

        return [.. found.OrderBy(f => f.Interest)];
    }

    public static bool Mentions(string text, IEnumerable<string> words) =>
        words.Any(w => w.Length > 0 && text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
