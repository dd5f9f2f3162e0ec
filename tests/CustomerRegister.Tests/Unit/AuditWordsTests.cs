using CustomerRegister.Audit;

namespace CustomerRegister.Tests.Unit;

public sealed class AuditWordsTests
{
    [Fact]
    public void EveryActionTheRegisterWritesHasWordsInEachLanguage()
    {
        var missing = AuditWords.Known.Where(a => !AuditWords.HasWords(a)).ToList();
        Assert.True(missing.Count == 0, "No words for: " + string.Join(", ", missing));
        // No dotted name shows through (a one-word action such as "search" may share its English word).
        Assert.All(AuditWords.Known.Where(a => a.Contains('.')), a =>
        {
            var text = AuditWords.Text(a);
            Assert.DoesNotContain(a, text.Fi);
            Assert.DoesNotContain(a, text.Sv);
            Assert.DoesNotContain(a, text.En);
        });
    }

    [Theory]
    [InlineData("subject.read", "Henkilön tiedot: luettu")]
    [InlineData("vehicle.certificate.reveal", "Romutustodistus: näytetty kokonaan")]
    [InlineData("recording.call.download", "Puhelutallenne: ladattu")]
    [InlineData("auth.login", "Sisäänkirjautuminen")]
    [InlineData("something.new", "Tunnistamaton tapahtuma")]
    public void AnActionReadsAsItsObjectAndVerb(string action, string finnish) =>
        Assert.Equal(finnish, AuditWords.Text(action).Fi);

    [Theory]
    [InlineData("subject.read", true)]
    [InlineData("consumer.reveal", true)]
    [InlineData("recording.call.download", true)]
    [InlineData("consumer.update", false)]
    [InlineData("audit.read", false)]
    [InlineData("search", false)]
    public void OnlyReadsOfThePersonsDataAreLooks(string action, bool view) => Assert.Equal(view, AuditWords.IsView(action));
}
