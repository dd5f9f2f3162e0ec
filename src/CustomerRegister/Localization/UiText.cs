using System.Globalization;

namespace CustomerRegister.Localization;

/// <summary>
/// The pages' texts: Finnish first, then Swedish and English. Kept in code so a missing translation is a
/// compile-time-visible gap (a test checks every key has all three). The shared words are here; a feature keeps its
/// own page texts beside its pages in a <see cref="TextTableAttribute"/> class, and every table is merged here once
/// (a key defined twice stops the app at start).
/// </summary>
public static class UiText
{
    private static readonly Dictionary<string, LocalText> Texts = TextTableAttribute.Merge(new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["App.Name"] = new("Asiakasrekisteri", "Kundregister", "Customer Register"),
        ["Nav.Home"] = new("Etusivu", "Startsida", "Home"),
        ["Nav.SignOut"] = new("Kirjaudu ulos", "Logga ut", "Sign out"),
        ["Nav.Language"] = new("Kieli", "Språk", "Language"),
        ["Login.Title"] = new("Kirjaudu sisään", "Logga in", "Sign in"),
        ["Login.Email"] = new("Sähköposti", "E-post", "Email"),
        ["Login.Password"] = new("Salasana", "Lösenord", "Password"),
        ["Login.Submit"] = new("Kirjaudu", "Logga in", "Sign in"),
        ["Login.Failed"] = new(
            "Sähköposti tai salasana on väärä, tai tili on lukittu tai poistettu käytöstä.",
            "E-postadressen eller lösenordet är fel, eller kontot är låst eller inaktiverat.",
            "The email or password is wrong, or the account is locked or disabled."),
        ["SignIn.TooMany"] = new(
            "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
            "För många försök. Vänta en stund och försök igen.",
            "Too many attempts. Wait a moment and try again."),
        ["Field.Required"] = Infrastructure.FieldMessages.Required,
        ["Field.Invalid"] = new("Tarkista tämä tieto: se ei kelpaa tässä muodossa.", "Kontrollera uppgiften: den godtas inte i den här formen.", "Check this: it is not accepted in this form."),
        ["ChangePassword.Title"] = new("Vaihda salasana", "Byt lösenord", "Change password"),
        ["ChangePassword.Intro"] = new(
            "Kertakäyttöinen salasana on vaihdettava ennen kuin jatkat.",
            "Engångslösenordet måste bytas innan du fortsätter.",
            "Your one-time password must be replaced before you continue."),
        ["ChangePassword.Current"] = new("Nykyinen salasana", "Nuvarande lösenord", "Current password"),
        ["ChangePassword.New"] = new("Uusi salasana", "Nytt lösenord", "New password"),
        ["ChangePassword.Confirm"] = new("Uusi salasana uudelleen", "Upprepa nytt lösenord", "Repeat new password"),
        ["ChangePassword.Mismatch"] = new("Salasanat eivät täsmää.", "Lösenorden stämmer inte överens.", "The passwords do not match."),
        ["ChangePassword.Rules"] = new(
            "Vähintään 12 merkkiä, joista vähintään 5 eri merkkiä. Pitkä salalause on hyvä valinta.",
            "Minst 12 tecken, varav minst 5 olika. En lång lösenfras är ett bra val.",
            "At least 12 characters, at least 5 of them different. A long passphrase is a good choice."),
        ["ChangePassword.Submit"] = new("Vaihda salasana", "Byt lösenord", "Change password"),
        ["ChangePassword.WrongCurrent"] = new("Nykyinen salasana on väärä.", "Nuvarande lösenord är fel.", "The current password is wrong."),
        ["ChangePassword.Same"] = new(
            "Uuden salasanan on oltava eri kuin nykyinen.",
            "Det nya lösenordet måste skilja sig från det nuvarande.",
            "The new password must differ from the current one."),
        ["Password.TooShort"] = new("Salasanassa on oltava vähintään {0} merkkiä.", "Lösenordet måste ha minst {0} tecken.", "The password must be at least {0} characters."),
        ["Password.UniqueChars"] = new(
            "Salasanassa on oltava vähintään {0} eri merkkiä.",
            "Lösenordet måste innehålla minst {0} olika tecken.",
            "The password must contain at least {0} different characters."),
        ["Home.Welcome"] = new("Tervetuloa, {0}", "Välkommen, {0}", "Welcome, {0}"),
        ["Home.Roles"] = new("Roolisi", "Dina roller", "Your roles"),
        ["Home.Permissions"] = new("Oikeutesi", "Dina behörigheter", "Your permissions"),
        ["Home.NoRoles"] = new("Sinulla ei ole vielä rooleja. Pyydä ylläpitäjää lisäämään ne.", "Du har inga roller ännu. Be en administratör lägga till dem.", "You have no roles yet. Ask an administrator to add them."),
        ["Home.Api"] = new("Rajapinnan kuvaus", "API-beskrivning", "API description"),
        ["TwoFactor.Title"] = new("Kaksivaiheinen tunnistautuminen", "Tvåstegsverifiering", "Two-step verification"),
        ["TwoFactor.Required"] = new(
            "Roolisi edellyttävät todennussovellusta. Ota se käyttöön ennen kuin jatkat.",
            "Dina roller kräver en autentiseringsapp. Aktivera den innan du fortsätter.",
            "Your roles require an authenticator app. Set it up before you continue."),
        ["TwoFactor.Scan"] = new(
            "Skannaa QR-koodi todennussovelluksella (esim. Microsoft Authenticator, Google Authenticator tai FreeOTP).",
            "Skanna QR-koden med en autentiseringsapp (t.ex. Microsoft Authenticator, Google Authenticator eller FreeOTP).",
            "Scan the QR code with an authenticator app (e.g. Microsoft Authenticator, Google Authenticator or FreeOTP)."),
        ["TwoFactor.QrAlt"] = new("QR-koodi todennussovellukselle", "QR-kod för autentiseringsappen", "QR code for the authenticator app"),
        ["TwoFactor.KeyIntro"] = new(
            "Tai kirjoita tämä avain sovellukseen käsin:",
            "Eller skriv in den här nyckeln i appen för hand:",
            "Or type this key into the app by hand:"),
        ["TwoFactor.Code"] = new("Sovelluksen 6-numeroinen koodi", "Appens 6-siffriga kod", "The app's 6-digit code"),
        ["TwoFactor.Confirm"] = new("Ota käyttöön", "Aktivera", "Turn on"),
        ["TwoFactor.WrongCode"] = new(
            "Koodi on väärä, jo käytetty tai vanhentunut.",
            "Koden är fel, redan använd eller har gått ut.",
            "The code is wrong, already used or expired."),
        ["TwoFactor.LockedOut"] = new(
            "Liian monta väärää koodia: tili on lukittu hetkeksi.",
            "För många felaktiga koder: kontot är låst en stund.",
            "Too many wrong codes: the account is locked for a while."),
        ["TwoFactor.RecoveryCodesTitle"] = new("Varakoodit", "Reservkoder", "Recovery codes"),
        ["TwoFactor.RecoveryCodesOnce"] = new(
            "Tallenna nämä koodit turvalliseen paikkaan nyt: ne näytetään vain tämän kerran. Kukin koodi kelpaa kerran, jos puhelin ei ole käsillä.",
            "Spara koderna på ett säkert ställe nu: de visas bara den här gången. Varje kod gäller en gång om telefonen inte finns till hands.",
            "Save these codes somewhere safe now: they are shown this once only. Each works once when your phone is not at hand."),
        ["TwoFactor.Continue"] = new("Jatka", "Fortsätt", "Continue"),
        ["TwoFactor.Enabled"] = new("Todennussovellus on käytössä.", "Autentiseringsappen är aktiverad.", "The authenticator app is on."),
        ["TwoFactor.CodesLeft"] = new("Käyttämättömiä varakoodeja: {0}", "Oanvända reservkoder: {0}", "Unused recovery codes: {0}"),
        ["TwoFactor.Renew"] = new("Luo uudet varakoodit", "Skapa nya reservkoder", "Make new recovery codes"),
        ["TwoFactor.DisableTitle"] = new("Poista tai vaihda sovellus", "Ta bort eller byt app", "Remove or replace the app"),
        ["TwoFactor.DisableIntro"] = new(
            "Poistaminen vaatii nykyisen koodin tai varakoodin.",
            "Borttagningen kräver en aktuell kod eller en reservkod.",
            "Removing it needs a current code or a recovery code."),
        ["TwoFactor.DisableRequired"] = new(
            "Roolisi edellyttävät sovellusta: poiston jälkeen otat heti uuden käyttöön. Poistaminen vaatii nykyisen koodin tai varakoodin.",
            "Dina roller kräver appen: efter borttagningen aktiverar du genast en ny. Borttagningen kräver en aktuell kod eller en reservkod.",
            "Your roles require the app: after removing it you set up a new one at once. Removing it needs a current code or a recovery code."),
        ["TwoFactor.CodeOrRecovery"] = new("Koodi tai varakoodi", "Kod eller reservkod", "Code or recovery code"),
        ["TwoFactor.Disable"] = new("Poista sovellus", "Ta bort appen", "Remove the app"),
        ["TwoFactor.SignInTitle"] = new("Vahvista kirjautuminen", "Bekräfta inloggningen", "Confirm sign-in"),
        ["TwoFactor.CodeIntro"] = new(
            "Kirjoita todennussovelluksen näyttämä koodi.",
            "Skriv koden som autentiseringsappen visar.",
            "Type the code your authenticator app shows."),
        ["TwoFactor.Verify"] = new("Vahvista", "Bekräfta", "Confirm"),
        ["TwoFactor.UseRecoveryCode"] = new("Käytä varakoodia", "Använd en reservkod", "Use a recovery code"),
        ["TwoFactor.RecoveryIntro"] = new(
            "Kirjoita yksi tallentamistasi varakoodeista. Kukin kelpaa vain kerran.",
            "Skriv en av reservkoderna du sparade. Var och en gäller bara en gång.",
            "Type one of the recovery codes you saved. Each works once only."),
        ["TwoFactor.RecoveryCode"] = new("Varakoodi", "Reservkod", "Recovery code"),
        ["Nav.Search"] = new("Asiakashaku", "Kundsökning", "Customer search"),
        ["Search.Title"] = new("Asiakashaku", "Kundsökning", "Customer search"),
        ["Search.Label"] = new(
            "Nimi, puhelinnumero, sähköposti, Y-tunnus, asiakas- tai rekisterinumero",
            "Namn, telefonnummer, e-post, FO-nummer, kund- eller registernummer",
            "Name, phone, email, business ID, customer or registration number"),
        ["Search.TooShort"] = new("Kirjoita vähintään 2 merkkiä.", "Skriv minst 2 tecken.", "Type at least 2 characters."),
        ["Search.Submit"] = new("Hae", "Sök", "Search"),
        ["Search.NoResults"] = new("Ei osumia.", "Inga träffar.", "No matches."),
        ["Search.Matched"] = new("Osui kenttään", "Träff i fältet", "Matched"),
        ["Kind.Consumer"] = new("Kuluttaja", "Konsument", "Consumer"),
        ["Kind.ContactPerson"] = new("Yhteyshenkilö", "Kontaktperson", "Contact person"),
        ["Kind.Organisation"] = new("Organisaatio", "Organisation", "Organisation"),
        ["Kind.SoleTrader"] = new("Elinkeinonharjoittaja", "Enskild näringsidkare", "Sole trader"),
        ["Subject.Title"] = new("Henkilön tiedot", "Personens uppgifter", "Person's data"),
        ["Subject.Consumer"] = new("Kuluttaja-asiakas", "Konsumentkund", "Consumer customer"),
        ["Subject.ContactRoles"] = new("Yhteyshenkilönä", "Som kontaktperson", "As a contact person"),
        ["Subject.Business"] = new("Elinkeinonharjoittajan yritys", "Den enskilda näringsidkarens företag", "Sole trader's business"),
        ["Subject.Other"] = new("Muut tiedot", "Övriga uppgifter", "Other data"),
        ["Subject.Reveal"] = new("Näytä koko tilinumero", "Visa hela kontonumret", "Show the whole account"),
        ["Subject.RevealNote"] = new(
            "Tilinumeron näyttäminen kirjataan lokiin käyttötarkoituksineen.",
            "Visningen av kontonumret loggas med ändamålet.",
            "Showing the account is logged with its purpose."),
        ["Subject.RevealDenied"] = new("Sinulla ei ole oikeutta nähdä koko tilinumeroa.", "Du har inte rätt att se hela kontonumret.", "You may not see the whole account."),
        ["Field.Name"] = new("Nimi", "Namn", "Name"),
        ["Field.Address"] = new("Osoite", "Adress", "Address"),
        ["Field.Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["Field.Email"] = new("Sähköposti", "E-post", "Email"),
        ["Field.BankAccount"] = new("Tilinumero", "Kontonummer", "Bank account"),
        ["Field.Source"] = new("Lähde", "Källa", "Source"),
        ["Field.Updated"] = new("Päivitetty", "Uppdaterad", "Updated"),
        ["Field.Role"] = new("Tehtävä ja asema", "Uppgift och ställning", "Title and position"),
        ["Field.BusinessId"] = new("Y-tunnus", "FO-nummer", "Business ID"),
        ["Field.Purpose"] = new("Käyttötarkoitus", "Ändamål", "Purpose"),
        ["Source.CustomerOrganisation"] = new("Asiakas tai sen työntekijä", "Kunden eller dess anställda", "The customer or its employees"),
        ["Source.Consumer"] = new("Kuluttaja-asiakas itse", "Konsumentkunden själv", "The consumer"),
        ["Source.PublicSources"] = new(
            "Markkinakartoitukset, julkiset lähteet, kaupalliset rekisterit",
            "Marknadskartläggningar, offentliga källor, kommersiella register",
            "Market surveys, public sources, commercial registers"),
        ["Source.Referrer"] = new("Suosittelija", "Rekommendatör", "Referrer"),
        ["Source.PartnerNetwork"] = new("Kumppaniverkosto", "Partnernätverk", "Partner network"),
        ["Source.ProspectingTool"] = new("Prospektointityökalu", "Prospekteringsverktyg", "Prospecting tool"),
        ["Source.OwnSystems"] = new("Omat tietojärjestelmät", "Egna informationssystem", "Our own systems"),
        ["Denied.Title"] = new("Ei käyttöoikeutta", "Ingen behörighet", "Access denied"),
        ["Denied.Text"] = new(
            "Sinulla ei ole oikeutta tähän toimintoon.",
            "Du har inte behörighet till den här funktionen.",
            "You do not have permission for this."),
        ["Rights.Title"] = new("Tietosuojaoikeudet", "Dataskyddsrättigheter", "Your data-protection rights"),
        ["Rights.Intro"] = new(
            "Voit pyytää pääsyä tietoihisi, niiden oikaisemista tai poistamista, käsittelyn rajoittamista, tietojen siirtämistä tai vastustaa suoramarkkinointia ja profilointia. Vastaamme kuukauden kuluessa. Lähetämme vahvistuslinkin sähköpostiisi.",
            "Du kan begära tillgång till dina uppgifter, rättelse eller radering, begränsning av behandlingen, dataportabilitet eller invända mot direktmarknadsföring och profilering. Vi svarar inom en månad. Vi skickar en bekräftelselänk till din e-post.",
            "You can ask for access to your data, its rectification or erasure, restriction of processing, data portability, or object to direct marketing and profiling. We answer within one month. We will send a confirmation link to your email."),
        ["Rights.Type"] = new("Pyyntö", "Begäran", "Request"),
        ["Rights.Type.Access"] = new("Pääsy omiin tietoihin (tarkastus)", "Tillgång till mina uppgifter", "Access to my data"),
        ["Rights.Type.Rectification"] = new("Tietojen oikaisu", "Rättelse av uppgifter", "Rectification"),
        ["Rights.Type.Erasure"] = new("Tietojen poistaminen", "Radering av uppgifter", "Erasure"),
        ["Rights.Type.Restriction"] = new("Käsittelyn rajoittaminen", "Begränsning av behandling", "Restriction of processing"),
        ["Rights.Type.ObjectionToMarketing"] = new("Suoramarkkinoinnin vastustaminen", "Invändning mot direktmarknadsföring", "Objection to direct marketing"),
        ["Rights.Type.ObjectionToProfiling"] = new("Profiloinnin vastustaminen", "Invändning mot profilering", "Objection to profiling"),
        ["Rights.Type.Portability"] = new("Tietojen siirtäminen", "Dataportabilitet", "Data portability"),
        ["Rights.Text"] = new("Lisätiedot (enintään 4000 merkkiä)", "Tilläggsuppgifter (högst 4000 tecken)", "Details (at most 4000 characters)"),
        ["Rights.Submit"] = new("Lähetä pyyntö", "Skicka begäran", "Send request"),
        ["Rights.Sent"] = new(
            "Kiitos. Lähetimme sähköpostiisi vahvistuslinkin; pyyntö käsitellään, kun olet vahvistanut sen.",
            "Tack. Vi har skickat en bekräftelselänk till din e-post; begäran behandlas när du har bekräftat den.",
            "Thank you. We sent a confirmation link to your email; the request is handled once you confirm it."),
        ["Rights.Busy"] = new(
            "Lomakkeella on juuri nyt poikkeuksellisen paljon pyyntöjä. Yritä myöhemmin uudelleen tai kirjoita asiakaspalvelun sähköpostiin.",
            "Formuläret tar just nu emot ovanligt många begäranden. Försök igen senare eller skriv till kundtjänstens e-post.",
            "The form is receiving unusually many requests right now. Please try again later or write to the customer-service mailbox."),
        ["Rights.Confirm.Title"] = new("Vahvista pyyntösi", "Bekräfta din begäran", "Confirm your request"),
        ["Rights.Confirm.Intro"] = new(
            "Vahvista painamalla painiketta, että lähetit tietosuojapyynnön tähän sähköpostiosoitteeseen. Jos et lähettänyt pyyntöä, sulje sivu: vahvistamaton pyyntö poistetaan.",
            "Bekräfta med knappen att du skickade en dataskyddsbegäran med den här e-postadressen. Om du inte skickade begäran kan du stänga sidan: en obekräftad begäran raderas.",
            "Press the button to confirm that you sent a data-protection request with this email address. If you did not send it, close this page: an unconfirmed request is deleted."),
        ["Rights.Confirm.Button"] = new("Vahvista pyyntö", "Bekräfta begäran", "Confirm request"),
        ["Rights.Confirm.Invalid"] = new(
            "Linkki on vanhentunut tai jo käytetty. Voit lähettää uuden pyynnön lomakkeella.",
            "Länken har gått ut eller redan använts. Du kan skicka en ny begäran med formuläret.",
            "The link has expired or was already used. You can send a new request with the form."),
        ["Rights.Complaint"] = new(
            Requests.SupervisoryAuthority.ComplaintRight("fi"), Requests.SupervisoryAuthority.ComplaintRight("sv"),
            Requests.SupervisoryAuthority.ComplaintRight("en")),
        ["Display.At"] = new("klo", "kl.", "at"),
        ["Display.Yes"] = new("Kyllä", "Ja", "Yes"),
        ["Display.No"] = new("Ei", "Nej", "No"),
        ["Nav.Billing"] = new("Laskutus", "Fakturering", "Billing"),
        ["Nav.Reception"] = new("Romutus", "Skrotning", "Scrapping"),
        ["Nav.Marketing"] = new("Markkinointi", "Marknadsföring", "Marketing"),
        ["Nav.Dpo"] = new("Tietosuoja", "Dataskydd", "Data protection"),
        ["Nav.Requests"] = new("Pyynnöt", "Begäranden", "Requests"),
        ["Nav.Retention"] = new("Säilytys", "Lagring", "Retention"),
        ["Nav.Audit"] = new("Lokitiedot", "Loggar", "Audit trail"),
        ["Nav.Catalog"] = new("Tietoluettelo", "Datakatalog", "Data catalogue"),
        ["Nav.Admin"] = new("Ylläpito", "Administration", "Administration"),
        ["Nav.Main"] = new("Päävalikko", "Huvudmeny", "Main menu"),
        ["Nav.SkipToContent"] = new("Siirry sisältöön", "Hoppa till innehållet", "Skip to content"),
        ["Search.Placeholder"] = new("Hae nimellä, puhelimella, Y-tunnuksella…", "Sök med namn, telefon, FO-nummer…", "Search by name, phone, business ID…"),
        ["Search.Shortcut"] = new("Pikanäppäin /", "Kortkommando /", "Shortcut /"),
        ["Search.Suggestions"] = new("Hakuehdotukset", "Sökförslag", "Search suggestions"),
        ["Form.Save"] = new("Tallenna", "Spara", "Save"),
        ["Form.Cancel"] = new("Peruuta", "Avbryt", "Cancel"),
        ["Form.Errors"] = new("Tarkista merkityt kentät.", "Kontrollera de markerade fälten.", "Check the marked fields."),
        ["Form.Saved"] = new("Tallennettu.", "Sparat.", "Saved."),
        ["Form.Stale"] = new(
            "Joku muu muutti tätä tietoa sillä välin. Alla ovat nykyiset tiedot; syöttämäsi arvot ovat tallessa lomakkeella. Tarkista ja tallenna uudelleen.",
            "Någon annan ändrade uppgiften under tiden. Nedan visas de nuvarande uppgifterna; dina värden finns kvar i formuläret. Kontrollera och spara igen.",
            "Someone else changed this meanwhile. The current values are shown below; your input is kept in the form. Check and save again."),
        ["Subject.Since"] = new("rekisterissä {0} alkaen", "i registret sedan {0}", "in the register since {0}"),
        ["Subject.Sections"] = new("Osiot", "Avsnitt", "Sections"),
        ["Panel.ContactDetails"] = new("Yhteystiedot", "Kontaktuppgifter", "Contact details"),
        ["Panel.Relationships"] = new("Asiakkuudet", "Kundrelationer", "Customer relationships"),
        ["Panel.ContactHistory"] = new("Yhteydenotot", "Kontakter", "Contacts"),
        ["Panel.Feedback"] = new("Palautteet", "Respons", "Feedback"),
        ["Panel.AdditionalInfo"] = new("Lisätiedot", "Tilläggsuppgifter", "Additional information"),
        ["Panel.Marketing"] = new("Markkinointi", "Marknadsföring", "Marketing"),
        ["Panel.Billing"] = new("Laskut ja maksut", "Fakturor och betalningar", "Invoices and payments"),
        ["Panel.Vehicles"] = new("Romutus", "Skrotning", "Scrapping"),
        ["Panel.Recordings"] = new("Puhelutallenteet", "Samtalsinspelningar", "Call recordings"),
        ["Panel.Requests"] = new("Tietopyynnöt", "Begäranden", "Requests"),
        ["Panel.ProcessingLimits"] = new("Käsittelyn rajoitukset", "Begränsningar av behandlingen", "Processing limits"),
        ["Panel.ShowAll"] = new("Näytä kaikki ({0})", "Visa alla ({0})", "Show all ({0})"),
        ["Panel.Empty"] = new("Ei merkintöjä.", "Inga uppgifter.", "Nothing recorded."),
    });

    public static IReadOnlyCollection<string> Keys => Texts.Keys;

    public static bool Has(string key) => Texts.ContainsKey(key);

    /// <summary>The text in every language (the key itself when there is none).</summary>
    public static LocalText Text(string key) => Texts.TryGetValue(key, out var t) ? t : new(key, key, key);

    public static string Get(string key, CultureInfo? culture = null)
    {
        if (!Texts.TryGetValue(key, out var t))
        {
            return key;
        }

        return t.In((culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName);
    }

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
