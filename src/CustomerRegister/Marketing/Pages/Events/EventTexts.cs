using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.Pages.Events;

/// <summary>The texts of the events and surveys pages (<c>/marketing/events*</c>, <c>/marketing/surveys*</c>).</summary>
[TextTable]
public static class EventTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Marketing.Events.Title"] = new("Tapahtumat", "Evenemang", "Events"),
        ["Marketing.Events.Upcoming"] = new("Tulevat tapahtumat", "Kommande evenemang", "Upcoming events"),
        ["Marketing.Events.Past"] = new("Menneet tapahtumat", "Tidigare evenemang", "Past events"),
        ["Marketing.Events.NoUpcoming"] = new("Ei tulevia tapahtumia.", "Inga kommande evenemang.", "No upcoming events."),
        ["Marketing.Events.NoPast"] = new("Ei menneitä tapahtumia.", "Inga tidigare evenemang.", "No past events."),
        ["Marketing.Events.New"] = new("+ Uusi tapahtuma", "+ Nytt evenemang", "+ New event"),
        ["Marketing.Events.NewTitle"] = new("Uusi tapahtuma", "Nytt evenemang", "New event"),
        ["Marketing.Events.Name"] = new("Tapahtuman nimi", "Evenemangets namn", "Event name"),
        ["Marketing.Events.Date"] = new("Päivä", "Datum", "Date"),
        ["Marketing.Events.Place"] = new("Paikka", "Plats", "Place"),
        ["Marketing.Events.Attended"] = new("Osallistui", "Deltog", "Attended"),
        ["Marketing.Events.Created"] = new("Tapahtuma luotu.", "Evenemanget har skapats.", "Event created."),
        ["Marketing.Events.Facts"] = new("Tapahtuman tiedot", "Evenemangets uppgifter", "The event"),
        ["Marketing.Events.Invitations"] = new("Kutsutut", "Inbjudna", "Invitations"),
        ["Marketing.Events.NoInvitations"] = new("Ketään ei ole vielä kutsuttu.", "Ingen har bjudits in ännu.", "Nobody has been invited yet."),
        ["Marketing.Events.Person"] = new("Henkilö", "Person", "Person"),
        ["Marketing.Events.Channel"] = new("Kanava", "Kanal", "Channel"),
        ["Marketing.Events.State"] = new("Tila", "Status", "State"),
        ["Marketing.Events.InvitedAt"] = new("Kutsuttu", "Inbjuden", "Invited"),
        ["Marketing.Events.Record"] = new("Kirjaa", "Registrera", "Record"),
        ["Marketing.Events.RecordFor"] = new("Kirjaa tila: {0}", "Registrera status: {0}", "Record the state: {0}"),
        ["Marketing.Events.NewState"] = new("Uusi tila", "Ny status", "New state"),
        ["Marketing.Events.StateSaved"] = new("Tila kirjattu.", "Statusen har registrerats.", "State recorded."),
        ["Marketing.Events.InviteOne"] = new("Kutsu henkilö", "Bjud in en person", "Invite a person"),
        ["Marketing.Events.InviteHint"] = new(
            "Hae henkilö nimellä, puhelinnumerolla, sähköpostilla tai asiakasnumerolla. Kutsu lähtee vain kanavalla, jonka henkilön markkinointiluvat sallivat.",
            "Sök personen med namn, telefonnummer, e-post eller kundnummer. Inbjudan skickas bara via en kanal som personens marknadsföringstillstånd tillåter.",
            "Find the person by name, phone, email or customer number. The invitation goes only on a channel the person's marketing ledger allows."),
        ["Marketing.Events.Invite"] = new("Kutsu", "Bjud in", "Invite"),
        ["Marketing.Events.Invited"] = new("Henkilö kutsuttu.", "Personen har bjudits in.", "The person was invited."),
        ["Marketing.Events.InviteList"] = new("Kutsu kampanjalistalta", "Bjud in från en kampanjlista", "Invite from a campaign list"),
        ["Marketing.Events.InviteListHint"] = new(
            "Kaikki listan henkilöt kutsutaan listan kanavalla. Jokainen kutsu tarkistetaan markkinointilupia ja käsittelyn rajoituksia vasten kuten yksittäinen kutsu.",
            "Alla personer på listan bjuds in via listans kanal. Varje inbjudan kontrolleras mot marknadsföringstillstånden och begränsningarna som en enskild inbjudan.",
            "Everyone on the list is invited on the list's channel. Each invitation is checked against the ledger and restrictions as a single one is."),
        ["Marketing.Events.Campaign"] = new("Kampanjalista", "Kampanjlista", "Campaign list"),
        ["Marketing.Events.ChooseCampaign"] = new("Valitse lista", "Välj lista", "Choose a list"),
        ["Marketing.Events.NoCampaigns"] = new("Tallennettuja kampanjalistoja ei ole.", "Det finns inga sparade kampanjlistor.", "There are no saved campaign lists."),
        ["Marketing.Events.InviteAll"] = new("Kutsu listan henkilöt", "Bjud in personerna på listan", "Invite the list"),
        ["Marketing.Events.JobTitle"] = new("Kutsut kampanjalistalta", "Inbjudningar från en kampanjlista", "Invitations from a campaign list"),
        ["Marketing.Events.JobStep"] = new("Kutsuttu tai tarkistettu {0} henkilöä", "{0} personer inbjudna eller kontrollerade", "{0} people invited or checked"),
        ["Marketing.Events.JobDone"] = new(
            "Kutsuttu {0}, jo aiemmin kutsuttu {1}, ei kutsuttu markkinointilupien tai rajoitusten vuoksi {2}{3}.",
            "Inbjudna {0}, redan inbjudna {1}, inte inbjudna på grund av marknadsföringstillstånd eller begränsningar {2}{3}.",
            "Invited {0}, already invited {1}, not invited because of the ledger or a restriction {2}{3}."),
        ["Marketing.Events.JobReasons"] = new(" ({0})", " ({0})", " ({0})"),
        ["Marketing.Events.Search"] = new("Hae henkilöä", "Sök person", "Find a person"),
        ["Marketing.Events.SearchButton"] = new("Hae", "Sök", "Search"),
        ["Marketing.Events.Hits"] = new("Valitse henkilö", "Välj person", "Choose the person"),
        ["Marketing.Events.NoHits"] = new("Ei osumia.", "Inga träffar.", "No matches."),
        ["Marketing.Events.TooShort"] = new("Kirjoita vähintään kaksi merkkiä.", "Skriv minst två tecken.", "Type at least two characters."),
        ["Marketing.Events.AllEvents"] = new("Kaikki tapahtumat", "Alla evenemang", "All events"),
        ["Marketing.Events.Back"] = new("Markkinointi", "Marknadsföring", "Marketing"),

        ["Marketing.Reason.prohibited"] = new("markkinointikielto", "marknadsföringsförbud", "prohibited"),
        ["Marketing.Reason.withdrawn"] = new("lupa peruttu", "tillstånd återkallat", "withdrawn"),
        ["Marketing.Reason.prior_consent_required"] = new("ei ennakkosuostumusta", "inget förhandssamtycke", "prior_consent_required"),
        ["Marketing.Reason.soft_opt_in_lapsed"] = new(
            "asiakassuhteen peruste ei enää voimassa", "kundrelationens grund gäller inte längre", "soft_opt_in_lapsed"),
        ["Marketing.Reason.soft_opt_in_other_service"] = new(
            "asiakassuhde koskee toista palvelua", "kundrelationen gäller en annan tjänst", "soft_opt_in_other_service"),
        ["Marketing.Reason.restricted"] = new("käsittely rajoitettu", "behandlingen begränsad", "restricted"),

        ["Marketing.Surveys.Title"] = new("Kyselyt", "Enkäter", "Surveys"),
        ["Marketing.Surveys.All"] = new("Kaikki kyselyt", "Alla enkäter", "All surveys"),
        ["Marketing.Surveys.None"] = new("Kyselyitä ei ole.", "Det finns inga enkäter.", "There are no surveys."),
        ["Marketing.Surveys.New"] = new("+ Uusi kysely", "+ Ny enkät", "+ New survey"),
        ["Marketing.Surveys.NewTitle"] = new("Uusi kysely", "Ny enkät", "New survey"),
        ["Marketing.Surveys.Name"] = new("Kyselyn nimi", "Enkätens namn", "Survey name"),
        ["Marketing.Surveys.Date"] = new("Päivä", "Datum", "Date"),
        ["Marketing.Surveys.Created"] = new("Kysely luotu.", "Enkäten har skapats.", "Survey created."),
        ["Marketing.Surveys.Answers"] = new("Vastaukset", "Svar", "Answers"),
        ["Marketing.Surveys.NoAnswers"] = new("Vastauksia ei ole vielä kirjattu.", "Inga svar har registrerats ännu.", "No answers recorded yet."),
        ["Marketing.Surveys.AnsweredAt"] = new("Vastattu", "Besvarad", "Answered"),
        ["Marketing.Surveys.Person"] = new("Henkilö", "Person", "Person"),
        ["Marketing.Surveys.Score"] = new("Pisteet", "Poäng", "Score"),
        ["Marketing.Surveys.ScoreHint"] = new(
            $"Valinnainen, {Marketing.Surveys.MinScore}–{Marketing.Surveys.MaxScore}", $"Frivilligt, {Marketing.Surveys.MinScore}–{Marketing.Surveys.MaxScore}",
            $"Optional, {Marketing.Surveys.MinScore}–{Marketing.Surveys.MaxScore}"),
        ["Marketing.Surveys.AnswerText"] = new("Vastaukset", "Svar", "Answers"),
        ["Marketing.Surveys.AnsweredAtHint"] = new("Tyhjä = nyt", "Tomt = nu", "Empty = now"),
        ["Marketing.Surveys.Record"] = new("Kirjaa vastaus", "Registrera ett svar", "Record an answer"),
        ["Marketing.Surveys.RecordHint"] = new(
            "Hae ensin vastaaja ja valitse hänet, sitten kirjaa vastaukset.",
            "Sök först den svarande och välj personen, registrera sedan svaren.",
            "Find the respondent and choose them, then record the answers."),
        ["Marketing.Surveys.Recorded"] = new("Vastaus kirjattu.", "Svaret har registrerats.", "Answer recorded."),
        ["Marketing.Surveys.Next"] = new("Seuraavat vastaukset", "Följande svar", "Next answers"),
        ["Marketing.Surveys.First"] = new("Ensimmäiset vastaukset", "Första svaren", "First answers"),
        ["Marketing.Surveys.AllSurveys"] = new("Kaikki kyselyt", "Alla enkäter", "All surveys"),
    };

    /// <summary>A ledger decision's reason in words (the English stays the API's code).</summary>
    public static LocalText Reason(string reason) =>
        Texts.TryGetValue("Marketing.Reason." + reason, out var text) ? text : new LocalText(reason, reason, reason);
}
