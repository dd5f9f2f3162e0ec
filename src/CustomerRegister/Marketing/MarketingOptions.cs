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

    /// <summary>
    /// The most people a campaign preview judges within the request (about a second's work); a saved campaign's larger
    /// selection is previewed as a background job with a progress bar, an unsaved one is asked to be saved first.
    /// </summary>
    public int CampaignPreviewInlineLimit { get; set; } = 20_000;

    public string? Invalid() =>
        Settings.Range(Section, SoftOptInMonthsAfterEnd, 0, 24) ?? Settings.Range(Section, CampaignPreviewInlineLimit, 0, 1_000_000);

    public SoftOptInTerms Terms(TimeProvider clock, string? serviceLine = null) =>
        new(HelsinkiTime.Today(clock), SoftOptInMonthsAfterEnd, serviceLine);
}
