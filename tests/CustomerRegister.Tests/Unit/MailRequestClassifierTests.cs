using System.Text;
using CustomerRegister.Requests;
using MimeKit;

namespace CustomerRegister.Tests.Unit;

public sealed class MailRequestClassifierTests
{
    [Theory]
    [InlineData("Tietojeni poistaminen", "Poistakaa tietoni rekisteristä.", RequestType.Erasure)]
    [InlineData("Radera mina uppgifter", "Jag vill att ni raderar allt om mig.", RequestType.Erasure)]
    [InlineData("Please delete my account", "", RequestType.Erasure)]
    [InlineData("Right to be forgotten", "I want you to erase my data.", RequestType.Erasure)]
    [InlineData("Osoitteeni on väärin", "Korjatkaa osoitteeni, se on muuttunut.", RequestType.Rectification)]
    [InlineData("", "Pyydän oikaisemaan puhelinnumeroni.", RequestType.Rectification)]
    [InlineData("Rättelse", "Vänligen rätta min adress.", RequestType.Rectification)]
    [InlineData("Rectification", "Please correct my surname.", RequestType.Rectification)]
    [InlineData("", "Haluan rajoittaa tietojeni käsittelyä.", RequestType.Restriction)]
    [InlineData("", "Jag begär begränsning av behandlingen.", RequestType.Restriction)]
    [InlineData("Restrict processing", "", RequestType.Restriction)]
    [InlineData("Suoramarkkinointikielto", "En halua mainoksia.", RequestType.ObjectionToMarketing)]
    [InlineData("", "Asetan markkinointikiellon.", RequestType.ObjectionToMarketing)]
    [InlineData("", "Skicka ingen direktreklam till mig.", RequestType.ObjectionToMarketing)]
    [InlineData("Unsubscribe", "", RequestType.ObjectionToMarketing)]
    [InlineData("", "Poistakaa minut suoramarkkinoinnista.", RequestType.ObjectionToMarketing)]
    [InlineData("", "Vastustan profilointia.", RequestType.ObjectionToProfiling)]
    [InlineData("", "Jag motsätter mig profilering.", RequestType.ObjectionToProfiling)]
    [InlineData("Objection to profiling", "", RequestType.ObjectionToProfiling)]
    [InlineData("", "Siirtäkää tietoni toiselle palveluntarjoajalle.", RequestType.Portability)]
    [InlineData("Data portability", "", RequestType.Portability)]
    [InlineData("", "Flytta mina uppgifter till ett annat företag.", RequestType.Portability)]
    [InlineData("Tietopyyntö", "Haluan nähdä mitä tietoja minusta on tallennettu.", RequestType.Access)]
    [InlineData("Registerutdrag", "Jag vill se mina uppgifter.", RequestType.Access)]
    [InlineData("Subject access request", "Please send me my data.", RequestType.Access)]
    [InlineData(null, null, RequestType.Access)]
    public void TheTypeIsGuessedFromKeywordsInFinnishSwedishAndEnglish(string? subject, string? body, RequestType expected) =>
        Assert.Equal(expected, MailRequestClassifier.Classify(subject, body));

    [Theory]
    [InlineData("PYYDÄN POISTAMAAN TIETONI", RequestType.Erasure)]
    [InlineData("DELETE", RequestType.Erasure)]
    public void KeywordsMatchInAnyCase(string subject, RequestType expected) =>
        Assert.Equal(expected, MailRequestClassifier.Classify(subject, null));

    [Fact]
    public void AKeywordInsideAnotherWordDoesNotCount() =>
        Assert.Equal(RequestType.Access, MailRequestClassifier.Classify("Traders", "Our undeleted logs"));

    [Theory]
    [InlineData("Hei, haluan tietää mitä tietoja minusta on. Kiitos", "fi")]
    [InlineData("Hej, jag vill se mina uppgifter och vad ni gör med dem. Tack", "sv")]
    [InlineData("Hello, please send me the personal data you have about me. Thank you", "en")]
    [InlineData("12345", "fi")]
    [InlineData("", "fi")]
    public void TheLanguageIsGuessedWithFinnishAsTheDefault(string body, string expected) =>
        Assert.Equal(expected, MailRequestClassifier.GuessLanguage(null, body));

    [Fact]
    public void HtmlBecomesPlainTextWithParagraphsAndEntities()
    {
        var text = MailRequestClassifier.HtmlToText(
            "<html><head><style>p { color: red }</style><script>alert(1)</script></head><body><p>Hello,</p><p>send me   my data &amp; more</p>line<br>two</body></html>");

        Assert.Equal("Hello,\nsend me my data & more\nline\ntwo", text);
    }

    [Fact]
    public void AMailWithoutASenderMakesNoRequest()
    {
        var message = new MimeMessage { Subject = "Poistakaa tietoni" };
        message.Body = new TextPart("plain") { Text = "Kiitos" };

        Assert.Null(MailboxPoller.Read(message, Encoding.UTF8.GetBytes("raw")));
    }

    [Fact]
    public void AMailBecomesARequestWithSubjectAndBodyAsItsText()
    {
        var message = new MimeMessage { Subject = "Radera mina uppgifter", MessageId = "abc@example.se", Date = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)) };
        message.From.Add(new MailboxAddress("Sara Svensson", "sara@example.se"));
        message.Body = new TextPart("plain") { Text = "Hej, jag vill att ni raderar mina uppgifter. Tack" };

        var input = MailboxPoller.Read(message, Encoding.UTF8.GetBytes("raw"))!;

        Assert.Equal(RequestType.Erasure, input.Type);
        Assert.Equal("sv", input.Language);
        Assert.Equal("Sara Svensson", input.RequesterName);
        Assert.Equal("sara@example.se", input.RequesterEmail);
        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), input.ReceivedAt);
        Assert.StartsWith("Radera mina uppgifter\n\nHej, jag vill", input.Text);
        Assert.Equal(32, input.MessageHash.Length);
    }

    [Fact]
    public void TheMessageHashFollowsTheMessageIdOrElseTheWholeMessage()
    {
        var a = new MimeMessage { MessageId = "one@example.fi" };
        var b = new MimeMessage { MessageId = "one@example.fi" };
        var c = new MimeMessage { MessageId = "two@example.fi" };
        Assert.Equal(MailboxPoller.MessageHash(a, [1]), MailboxPoller.MessageHash(b, [2]));
        Assert.NotEqual(MailboxPoller.MessageHash(a, [1]), MailboxPoller.MessageHash(c, [1]));

        var noId = new MimeMessage();
        noId.Headers.Remove(HeaderId.MessageId);
        Assert.Equal(MailboxPoller.MessageHash(noId, [1, 2]), MailboxPoller.MessageHash(noId, [1, 2]));
        Assert.NotEqual(MailboxPoller.MessageHash(noId, [1, 2]), MailboxPoller.MessageHash(noId, [1, 3]));
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { "a megabyte of <", new string('<', 1 << 20) },
        { "a megabyte of <a", string.Concat(Enumerable.Repeat("<a", 1 << 19)) },
        { "unclosed script tags", string.Concat(Enumerable.Repeat("<script x=", 100_000)) },
        { "deeply nested HTML", string.Concat(Enumerable.Repeat("<div><b>", 100_000)) + "poistakaa" + string.Concat(Enumerable.Repeat("</b></div>", 100_000)) },
        { "a megabyte of letters", new string('x', 1 << 20) },
    };

    // No timing assertion: the guard is only that it completes (the old backtracking patterns did not, in minutes).
    [Theory(Timeout = 60_000)]
    [MemberData(nameof(HostileBodies))]
    public async Task AHostileBodyIsClassifiedAndConvertedWithinBounds(string name, string body)
    {
        Assert.NotEmpty(name);
        await Task.Run(() =>
        {
            Assert.Equal(RequestType.Access, MailRequestClassifier.Classify(body, body));
            Assert.Equal("fi", MailRequestClassifier.GuessLanguage(body, body));
            Assert.True(MailRequestClassifier.HtmlToText(body).Length <= MailRequestClassifier.MaxBodyChars);
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task AMailWithAMegabyteOfAngleBracketsAndAHugeSubjectBecomesARequestOfBoundedSize()
    {
        var message = new MimeMessage { Subject = new string('<', 1 << 20), MessageId = "hostile@example.fi" };
        message.From.Add(new MailboxAddress("Hostile", "hostile@example.fi"));
        message.Body = new TextPart("html") { Text = new string('<', 1 << 20) };

        var input = await Task.Run(() => MailboxPoller.Read(message, Encoding.UTF8.GetBytes("raw")))!;

        Assert.Equal(RequestType.Access, input!.Type);
        Assert.True(input.Text!.Length <= 2 * MailRequestClassifier.MaxBodyChars + 2);
    }

    [Fact]
    public void AKeywordAtTheStartOrAfterPunctuationStillCounts()
    {
        Assert.Equal(RequestType.Erasure, MailRequestClassifier.Classify(null, "delete"));
        Assert.Equal(RequestType.Erasure, MailRequestClassifier.Classify(null, "(delete)"));
        Assert.Equal(RequestType.Erasure, MailRequestClassifier.Classify("x", "ä.poistakaa"));
    }
}
