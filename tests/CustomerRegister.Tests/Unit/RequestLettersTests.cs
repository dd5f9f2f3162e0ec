using CustomerRegister.Catalog;
using CustomerRegister.Erasure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;

namespace CustomerRegister.Tests.Unit;

public sealed class RequestLettersTests
{
    public static TheoryData<string> Languages => ["fi", "sv", "en"];

    /// <summary>The authority in full: name, street and postal address, email and web address, in the letter's language.</summary>
    private static void NamesTheAuthority(string letter, string language)
    {
        var (name, city, box) = language switch
        {
            "sv" => ("Dataombudsmannens byrå", "00530 Helsingfors", "PB 800, 00531 Helsingfors"),
            "en" => ("Office of the Data Protection Ombudsman", "00530 Helsinki", "PO Box 800, 00531 Helsinki"),
            _ => ("Tietosuojavaltuutetun toimisto", "00530 Helsinki", "PL 800, 00531 Helsinki"),
        };
        Assert.Contains(name, letter, StringComparison.Ordinal);
        Assert.Contains("Lintulahdenkuja 4, " + city, letter, StringComparison.Ordinal);
        Assert.Contains(box, letter, StringComparison.Ordinal);
        Assert.Contains("tietosuoja@om.fi", letter, StringComparison.Ordinal);
        Assert.Contains("https://tietosuoja.fi", letter, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AnErasureLetterNamesTheSupervisoryAuthorityInFull(string language)
    {
        var report = new ErasureReport(Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow,
            [new ErasedItems("consumers", [Categories.Email.Id], 1, "delete")], [], [], [], "done", ErasureHandling.Backups);

        var letter = ErasureLetters.Letter(language, report);

        NamesTheAuthority(letter, language);
        Assert.Contains(Categories.Email.Name(language), letter, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryRestrictionLetterNamesTheSupervisoryAuthorityInFull(string language)
    {
        foreach (var ground in Enum.GetValues<RestrictionGround>())
        {
            NamesTheAuthority(RestrictionLetters.Restricted(language, ground), language);
        }

        NamesTheAuthority(RestrictionLetters.Objection(language, RequestType.ObjectionToMarketing), language);
        NamesTheAuthority(RestrictionLetters.Objection(language, RequestType.ObjectionToProfiling), language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ExtensionAndRefusalLettersNameTheSupervisoryAuthorityInFull(string language)
    {
        NamesTheAuthority(RequestLetters.ExtensionLetter(language, RequestType.Access, new DateOnly(2027, 1, 31), new DateOnly(2027, 4, 30), "x"),
            language);
        NamesTheAuthority(RequestLetters.RefusalLetter(language, RequestType.Erasure, new DateOnly(2027, 1, 31), "x"), language);
        NamesTheAuthority(SupervisoryAuthority.ComplaintRight(language), language);
    }

    [Theory]
    [InlineData("fi", "Olemme oikaisseet henkilötietosi 31.1.2027", "Ilmoitamme oikaisusta")]
    [InlineData("sv", "Vi har rättat dina personuppgifter enligt din begäran som vi tog emot den 31.1.2027", "Vi underrättar också dem")]
    [InlineData("en", "We have rectified your personal data as you asked in your request received on 31.1.2027", "We are also telling")]
    public void ARectificationNoticeIsInTheRequestersLanguage(string language, string opening, string recipientsHeading)
    {
        NotifyRecipient[] recipients = [new("Perintä Oy", "reason")];

        var notice = RequestLetters.RectificationNotice(language, new DateOnly(2027, 1, 31),
            [Categories.Email.Id, Categories.Phone.Id, Categories.Email.Id], recipients);

        Assert.Contains("\n\n" + opening, notice, StringComparison.Ordinal);
        Assert.Contains(recipientsHeading, notice, StringComparison.Ordinal);
        Assert.Contains("- " + Categories.Email.Name(language), notice, StringComparison.Ordinal);
        Assert.Contains("- " + Categories.Phone.Name(language), notice, StringComparison.Ordinal);
        Assert.Single(notice.Split('\n'), l => l.TrimEnd('\r') == "- " + Categories.Email.Name(language));
        Assert.Contains("- Perintä Oy: reason", notice, StringComparison.Ordinal);
        NamesTheAuthority(notice, language);
    }

    [Fact]
    public void TheAccessReportTakesTheAuthorityFromTheSameSource()
    {
        var authority = SupervisoryAuthority.ForReport("sv");

        Assert.Equal(SupervisoryAuthority.Name("sv"), authority.Name);
        Assert.Contains(SupervisoryAuthority.StreetAddress("sv"), authority.Address, StringComparison.Ordinal);
        Assert.Equal(SupervisoryAuthority.Web, authority.Web);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ThePublicFormStatesTheComplaintRightFromTheSameSource(string language)
    {
        var text = CustomerRegister.Localization.UiText.Get("Rights.Complaint", System.Globalization.CultureInfo.GetCultureInfo(language));

        Assert.Equal(SupervisoryAuthority.ComplaintRight(language), text);
        NamesTheAuthority(text, language);
    }

    /// <summary>The authority's details are written once: no other source, page, template or README repeats them.</summary>
    [Fact]
    public void NoOtherFileRepeatsTheAuthoritysDetails()
    {
        var root = CustomerRegister.Tests.Infrastructure.ReadmePermissionTable.RepositoryRoot();
        string[] details =
        [
            SupervisoryAuthority.Email, SupervisoryAuthority.Web, "Lintulahdenkuja", "566 6700", SupervisoryAuthority.Name("fi"),
            SupervisoryAuthority.Name("sv"), SupervisoryAuthority.Name("en"),
        ];
        string[] kinds = ["*.cs", "*.cshtml", "*.md", "*.html", "*.json", "*.txt"];
        var own = Path.Combine("src", "CustomerRegister", "Requests", "SupervisoryAuthority.cs");
        var files = kinds.SelectMany(k => Directory.EnumerateFiles(Path.Combine(root, "src"), k, SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith(own, StringComparison.Ordinal));

        var repeats = files.SelectMany(f => details.Where(File.ReadAllText(f).Contains).Select(d => $"{Path.GetRelativePath(root, f)}: {d}"));

        Assert.Empty(repeats);
    }
}
