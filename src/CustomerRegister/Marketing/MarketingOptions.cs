using CustomerRegister.Infrastructure;
namespace CustomerRegister.Marketing;

/// <summary>Direct-marketing settings the law leaves open (section <c>Marketing</c>).</summary>
public sealed class MarketingOptions
{
    public const string Section = "Marketing";

    /// <summary>
    /// How long a soft opt-in (917/2014 § 200(2)) outlives the customer relationship or sale it rests on, in months. The
    /// act says only that it rests on an existing customer relationship; a year after its end keeps marketing to people who
    /// can still reasonably expect it.
    /// </summary>
    public int SoftOptInMonthsAfterEnd { get; set; } = 12;

    public string? Invalid() =>
        Settings.Range(Section, SoftOptInMonthsAfterEnd, 0, 24);

    public SoftOptInTerms Terms(TimeProvider clock, string? serviceLine = null) =>
        new(HelsinkiTime.Today(clock), SoftOptInMonthsAfterEnd, serviceLine);
}
