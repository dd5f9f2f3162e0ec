using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using Microsoft.Extensions.Options;
using static CustomerRegister.Notice.NoticeTexts;

namespace CustomerRegister.Notice;

/// <summary>
/// Writes the privacy notice (§ 1–13, the sections of the controller's published notice) from configuration
/// (<see cref="ControllerOptions"/>, <see cref="NoticeOptions"/>) and the catalogue: purposes and bases from
/// <see cref="Categories"/>, sources from <see cref="DataSource"/>, the active recipients of the registry
/// (<see cref="RecipientQueries"/>, passed in) with what each may receive,
/// retention periods as configured (<see cref="RetentionDates.PeriodOf"/>), the authority from
/// <see cref="SupervisoryAuthority"/>. Nothing in it is typed twice: a changed setting changes the sentence that states it.
/// </summary>
public sealed class NoticeWriter(
    IOptions<ControllerOptions> controller, IOptions<NoticeOptions> notice, IOptions<SignInLimitOptions> signIn,
    IOptions<MailOptions> mail, RetentionDates dates)
{
    public NoticeDocument Write(string language, IReadOnlyList<Recipient> recipients)
    {
        var l = Languages.Normalize(language);
        var c = controller.Value;
        var n = notice.Value;
        var sections = new List<NoticeSection>
        {
            new(1, T("Notice.S1", l), [new(c.Name), .. n.Address is { Length: > 0 } a ? [new NoticeBlock(F("Notice.Address", l, a))] : Array.Empty<NoticeBlock>()]),
            new(2, T("Notice.S2", l), [NoticeBlock.List(Responsible(l))]),
            new(3, T("Notice.S3", l), [NoticeBlock.List(Contacts(l))]),
            new(4, T("Notice.S4", l), [new(n.RegisterName.In(l))]),
            new(5, T("Notice.S5", l), [new(T("Notice.Purposes.Intro", l)), NoticeBlock.List(PurposeLines(l))]),
            new(6, T("Notice.S6", l), Content(l)),
            new(7, T("Notice.S7", l), [new(T("Notice.Sources.Intro", l)),
                NoticeBlock.List(Enum.GetValues<DataSource>().Select(s => UiText.Text("Source." + s).In(l))), new(T("Notice.Sources.Own", l))]),
            new(8, T("Notice.S8", l), Disclosures(l, recipients)),
            new(9, T("Notice.S9", l), [NoticeBlock.List(Security(l))]),
            new(10, T("Notice.S10", l), [new(T("Notice.Rights.Intro", l)), NoticeBlock.List(Rights(l)),
                new(F("Notice.Rights.How", l, RightsForm, c.Email ?? ""))]),
            new(11, T("Notice.S11", l), [new(T("Notice.Erasure.Intro", l)), NoticeBlock.List(Retention(l)), new(T("Notice.Erasure.Sweep", l))]),
            new(12, T("Notice.S12", l), [new(T("Notice.Authority", l)), NoticeBlock.List(Authority(l))]),
            new(13, T("Notice.S13", l), [new(T("Notice.Profiling", l)), new(T("Notice.Profiling.NoDecisions", l))]),
        };
        return new NoticeDocument(l, T("Notice.Title", l), T("Notice.Subtitle", l), sections);
    }

    /// <summary>The public request form's address.</summary>
    private string RightsForm => mail.Value.PublicBaseUrl.TrimEnd('/') + "/Rights";

    private IEnumerable<string> Responsible(string l)
    {
        foreach (var person in notice.Value.Contacts)
        {
            yield return person.Role.In(l) is { Length: > 0 } role ? $"{person.Name}, {role}" : person.Name;
        }

        if (controller.Value.ProtectionOfficer is { Length: > 0 } dpo)
        {
            // As configured, with its title (the letters sign with the same words).
            yield return dpo;
        }
    }

    private IEnumerable<string> Contacts(string l)
    {
        foreach (var person in notice.Value.Contacts.Where(p => p.Email is { Length: > 0 }))
        {
            yield return F("Notice.ContactOf", l, person.Name, person.Email!);
        }

        if (controller.Value.ProtectionOfficerEmail is { Length: > 0 } dpoEmail)
        {
            yield return F("Notice.ContactOf", l, controller.Value.ProtectionOfficer ?? "", dpoEmail);
        }

        if (controller.Value.Email is { Length: > 0 } email)
        {
            yield return F("Notice.CustomerService", l, email);
        }
    }

    /// <summary>Each purpose some category is used for, with its bases in the order first used.</summary>
    private static IEnumerable<string> PurposeLines(string l) =>
        from p in Purposes.All
        let bases = Categories.All.SelectMany(c => c.Uses).Where(u => u.Purpose == p).Select(u => u.Basis).Distinct().ToList()
        where bases.Count > 0
        select $"{Purposes.Name(p, l)}: {string.Join(", ", bases.Select(b => UiText.Text("LegalBasis." + b).In(l)))}";

    private List<NoticeBlock> Content(string l) =>
    [
        new(T("Notice.Content.Intro", l)),
        NoticeBlock.List(Categories.All.Select(c => c.Name(l))),
        new(T("Notice.Content.Protected", l)),
        new(F("Notice.Content.Calls", l, Period(RetentionRule.CallRecording, l))),
        new(F("Notice.Content.Cctv", l, Period(RetentionRule.CctvRecording with { Period = RetentionPeriod.Months(Recordings.RecordingRules.MaxCctvMonths) }, l))),
    ];

    /// <summary>§ 8 from the registry's active recipients: transfers outside the EEA, group companies, agencies, others.</summary>
    private List<NoticeBlock> Disclosures(string l, IReadOnlyList<Recipient> recipients)
    {
        var active = recipients.Where(r => r.IsActive).OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var blocks = new List<NoticeBlock>();
        var abroad = active.Where(r => !EeaCountries.Contains(r.CountryCode)).ToList();
        if (abroad.Count == 0)
        {
            blocks.Add(new(T("Notice.Transfers.None", l)));
        }
        else
        {
            blocks.Add(new(T("Notice.Transfers.Abroad", l)));
            blocks.Add(NoticeBlock.List(abroad.Select(r => $"{r.Name} ({r.CountryCode}): {T("Notice.Safeguard." + r.Safeguard, l)}")));
        }

        var group = active.Where(r => r.Kind == RecipientKind.GroupCompany).ToList();
        if (group.Count > 0)
        {
            blocks.Add(new(F("Notice.Transfers.Group", l, controller.Value.Name, Names(group), CategoryWords(group, l))));
        }

        var agencies = active.Where(r => r.Kind == RecipientKind.CollectionAgency).ToList();
        if (agencies.Count > 0)
        {
            blocks.Add(new(F("Notice.Transfers.Collection", l, Names(agencies), CategoryWords(agencies, l))));
        }

        var others = active.Where(r => r.Kind == RecipientKind.Other).ToList();
        if (others.Count > 0)
        {
            blocks.Add(new(T("Notice.Transfers.Others", l)));
            blocks.Add(NoticeBlock.List(others.Select(r =>
                $"{r.Name} ({r.CountryCode}, {T("Notice.Role." + r.Role, l)}): {CategoryWords([r], l)}")));
        }

        blocks.Add(new(T("Notice.Transfers.Logged", l)));
        return blocks;
    }

    private static string Names(IEnumerable<Recipient> recipients) =>
        string.Join(", ", recipients.Select(r => $"{r.Name} ({r.CountryCode})"));

    /// <summary>The categories any of the recipients may receive, in the catalogue's order, in words.</summary>
    private static string CategoryWords(IReadOnlyList<Recipient> recipients, string l) =>
        string.Join(", ", Categories.All.Where(c => recipients.Any(r => r.Categories.Contains(c.Id))).Select(c => c.Name(l).ToLower(Display.Format)));

    /// <summary>The security measures (§ 9; Art 30(1)(g)): what the software enforces, then the configured ones.</summary>
    public IEnumerable<string> Security(string l)
    {
        yield return F("Notice.Security.Roles", l, Roles.All.Count);
        yield return F("Notice.Security.SignIn", l, signIn.Value.MaxFailedAttempts);
        yield return T("Notice.Security.Audit", l);
        foreach (var measure in notice.Value.Security.Where(m => m.Fi.Length > 0))
        {
            yield return measure.In(l);
        }
    }

    private static IEnumerable<string> Rights(string l) =>
        new[] { "Access", "Rectification", "Erasure", "Restriction", "Portability", "Objection", "Withdraw" }
            .Select(r => T("Notice.Rights." + r, l));

    /// <summary>Every retention rule in use, with the categories it keeps and its period as configured.</summary>
    private IEnumerable<string> Retention(string l) =>
        from rule in Categories.All.Select(c => c.Retention).Append(RetentionRule.Prospect).Distinct()
        let used = Categories.All.Where(c => c.Retention == rule).Select(c => c.Name(l)).ToList()
        let what = used.Count > 0 ? string.Join(", ", used) : T("Notice.Erasure.Prospect", l)
        select F("Notice.Erasure.Rule", l, what, Period(rule, l), rule.StartingEvent.In(l), rule.Law);

    private static IEnumerable<string> Authority(string l) =>
    [
        SupervisoryAuthority.Name(l), SupervisoryAuthority.StreetAddress(l), SupervisoryAuthority.PostalAddress(l),
        SupervisoryAuthority.Email, SupervisoryAuthority.Phone(l), SupervisoryAuthority.Web,
    ];

    /// <summary>The configured period in words, without the setting's name.</summary>
    private string Period(RetentionRule rule, string l) => (dates.PeriodOf(rule) with { Setting = null }).In(l);
}
