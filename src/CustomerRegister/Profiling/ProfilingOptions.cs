namespace CustomerRegister.Profiling;

/// <summary>
/// Every threshold of profiling, in one place (configuration section <c>Profiling</c>): the rules
/// (<see cref="SegmentRule"/>, <see cref="InterestRule"/>) read them, the person page and the access report say them in
/// words, and the nightly run (<see cref="ProfilingNightly"/>) takes its hour from here.
/// </summary>
public sealed class ProfilingOptions
{
    public const string Section = "Profiling";

    /// <summary>Whether the nightly run happens at all ("run now" works either way).</summary>
    public bool NightlyEnabled { get; set; } = true;

    /// <summary>The Helsinki hour at which the nightly run starts (0–23).</summary>
    public int RunAtHour { get; set; } = 2;

    /// <summary>The look-back window in months: frequency and value count what happened in it.</summary>
    public int WindowMonths { get; set; } = 12;

    /// <summary>A customer whose last business is older than this (but within the window) is lapsing.</summary>
    public int ActiveMonths { get; set; } = 6;

    /// <summary>Scrap deliveries in the window from which a scrap seller is an active one.</summary>
    public int ActiveDeliveriesPerYear { get; set; } = 6;

    /// <summary>Invoiced euros in the window from which a service customer is a major one.</summary>
    public decimal MajorCustomerEuros { get; set; } = 5000m;

    /// <summary>Contacts in the window mentioning a service from which the person is taken as interested in it.</summary>
    public int InterestContacts { get; set; } = 2;

    /// <summary>People per transaction in a run: memory stays flat whatever the register's size.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Words that tie an ordered service's name or a contact's summary to a service interest (lower case, matched as
    /// parts of words). Configuration replaces a list as a whole.
    /// </summary>
    public Dictionary<ServiceInterest, string[]> InterestWords { get; set; } = new()
    {
        [ServiceInterest.ScrapMetal] = ["romu", "metalli", "kupari", "alumiini", "skrot", "metall", "scrap"],
        [ServiceInterest.VehicleScrapping] = ["romutus", "auto", "ajoneuvo", "fordon", "vehicle"],
        [ServiceInterest.WasteManagement] = ["jäte", "tyhjennys", "astia", "avfall", "waste"],
        [ServiceInterest.ContainerRental] = ["lava", "kontti", "vaihtolava", "container"],
    };

    public string? Invalid() =>
        RunAtHour is < 0 or > 23 ? "Profiling:RunAtHour must be 0–23."
        : WindowMonths is < 1 or > 36 ? "Profiling:WindowMonths must be 1–36."
        : ActiveMonths < 1 || ActiveMonths > WindowMonths ? "Profiling:ActiveMonths must be 1–WindowMonths."
        : ActiveDeliveriesPerYear < 1 ? "Profiling:ActiveDeliveriesPerYear must be at least 1."
        : MajorCustomerEuros <= 0 ? "Profiling:MajorCustomerEuros must be positive."
        : InterestContacts < 1 ? "Profiling:InterestContacts must be at least 1."
        : BatchSize is < 10 or > 50_000 ? "Profiling:BatchSize must be 10–50 000."
        : null;
}
