using System.Globalization;
using CsvHelper;
using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>
/// A campaign list's file: semicolon-separated UTF-8 with a byte order mark (Finnish Excel opens it as it is), a header
/// row, and only the columns the channel needs — email: <c>name;email;language;opt_out_link</c>, SMS:
/// <c>phone;opt_out_link</c> (E.164), phone: <c>name;phone</c> (as dialled in Finland), post:
/// <c>name;organisation;street;postal_code;city</c>. Written with CsvHelper (a text a spreadsheet would run as a formula
/// is escaped).
/// </summary>
public static class CampaignFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
    };

    public static IReadOnlyList<string> Columns(MarketingChannel channel) => channel switch
    {
        MarketingChannel.Email => ["name", "email", "language", "opt_out_link"],
        MarketingChannel.Sms => ["phone", "opt_out_link"],
        MarketingChannel.Phone => ["name", "phone"],
        _ => ["name", "organisation", "street", "postal_code", "city"],
    };

    /// <summary>Whether each row carries the person's signed opt-out link (the electronic channels, 917/2014 § 200(3)).</summary>
    public static bool NeedsOptOutLink(MarketingChannel channel) => MarketingConsentRules.IsElectronic(channel);

    public static string FileName(string campaignName, DateTime at)
    {
        var safe = new string([.. campaignName.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-')]).Trim('-');
        return $"kampanja-{(safe.Length == 0 ? "lista" : safe[..Math.Min(safe.Length, 40)])}-{at:yyyyMMdd-HHmmss}.csv";
    }

    public static string[] Row(MarketingChannel channel, CampaignPerson p, string language, string? optOutLink) => channel switch
    {
        MarketingChannel.Email => [p.Name, p.Email ?? "", language, optOutLink ?? ""],
        MarketingChannel.Sms => [p.Phone ?? "", optOutLink ?? ""],
        MarketingChannel.Phone => [p.Name, Display.Phone(p.Phone)],
        _ => [p.Name, p.Organisation ?? "", p.Street ?? "", p.PostalCode ?? "", p.City ?? ""],
    };

    public static CsvWriter Writer(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);
}
