using CustomerRegister.Localization;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>The administration pages' texts: users, API keys, settings, the administrator's start block, permission names.</summary>
[TextTable]
public static class AdminTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Admin.Title"] = new("Ylläpito", "Administration", "Administration"),
        ["Admin.Intro"] = new(
            "Henkilökunnan käyttäjät ja roolit, rajapinta-avaimet, toimipisteet ja sovelluksen asetukset.",
            "Personalens användare och roller, API-nycklar, verksamhetsställen och programmets inställningar.",
            "Staff accounts and roles, API keys, production units and the application's settings."),
        ["Admin.Nav.Label"] = new("Ylläpidon sivut", "Administrationssidor", "Administration pages"),
        ["Admin.Users.Title"] = new("Käyttäjät", "Användare", "Users"),
        ["Admin.Clients.Title"] = new("Rajapinta-avaimet", "API-nycklar", "API keys"),
        ["Admin.Settings.Title"] = new("Asetukset", "Inställningar", "Settings"),
        ["Admin.Summary.Users"] = new("Käyttäjiä {0}, käytöstä poistettuja {1}.", "Användare {0}, inaktiverade {1}.", "{0} users, {1} disabled."),
        ["Admin.Summary.Clients"] = new(
            "Voimassa olevia avaimia {0}, hyväksyntää odottavia {1}.", "Giltiga nycklar {0}, väntar på godkännande {1}.",
            "{0} keys in use, {1} awaiting approval."),
        ["Admin.Summary.Units"] = new("Toimipisteitä {0}.", "Verksamhetsställen {0}.", "{0} production units."),
        ["Admin.Summary.Settings"] = new(
            "Voimassa olevat asetukset, vain luettavissa.", "Gällande inställningar, endast läsbara.", "The settings in force, read-only."),

        ["Admin.Start.Intro"] = new(
            "Pääkäyttäjänä et näe asiakastietoja. Luo henkilökunnalle käyttäjät ja anna heille roolit: asiakastiedot näkyvät heille roolin mukaan.",
            "Som huvudanvändare ser du inga kunduppgifter. Skapa användare för personalen och ge dem roller: kunduppgifterna syns för dem enligt rollen.",
            "As the administrator you see no customer data. Create the staff's accounts and give them roles: they see the customer data their role allows."),
        ["Admin.Start.CreateUser"] = new("Luo käyttäjä", "Skapa användare", "Create a user"),

        ["Admin.Users.New"] = new("Uusi käyttäjä", "Ny användare", "New user"),
        ["Admin.Users.All"] = new("Kaikki käyttäjät", "Alla användare", "All users"),
        ["Admin.Field.Email"] = new("Sähköposti", "E-post", "Email"),
        ["Admin.Field.DisplayName"] = new("Nimi", "Namn", "Name"),
        ["Admin.Field.Roles"] = new("Roolit", "Roller", "Roles"),
        ["Admin.Field.Password"] = new("Salasana (valinnainen)", "Lösenord (valfritt)", "Password (optional)"),
        ["Admin.Field.PasswordHint"] = new(
            "Jätä tyhjäksi, niin luodaan kertakäyttöinen salasana, joka näytetään kerran. Käyttäjä valitsee oman salasanansa ensimmäisellä kirjautumisella.",
            "Lämna tomt så skapas ett engångslösenord som visas en gång. Användaren väljer sitt eget lösenord vid första inloggningen.",
            "Leave empty for a one-time password, shown once. The user chooses their own password at first sign-in."),
        ["Admin.Users.Create"] = new("Luo käyttäjä", "Skapa användare", "Create user"),
        ["Admin.Users.Created"] = new("Käyttäjä {0} luotu.", "Användaren {0} har skapats.", "User {0} created."),
        ["Admin.Users.OneTimePassword"] = new("Kertakäyttöinen salasana", "Engångslösenord", "One-time password"),
        ["Admin.Users.OneTimePasswordHint"] = new(
            "Anna salasana käyttäjälle turvallista reittiä. Sitä ei näytetä uudelleen; käyttäjä valitsee uuden ensimmäisellä kirjautumisella.",
            "Ge lösenordet till användaren på ett säkert sätt. Det visas inte igen; användaren väljer ett nytt vid första inloggningen.",
            "Give the password to the user by a safe route. It is not shown again; the user chooses a new one at first sign-in."),
        ["Admin.Users.EmailTaken"] = new(
            "Tällä sähköpostiosoitteella on jo käyttäjä.", "Det finns redan en användare med den här e-postadressen.",
            "A user with this email already exists."),
        ["Admin.Col.Name"] = new("Nimi", "Namn", "Name"),
        ["Admin.Col.Email"] = new("Sähköposti", "E-post", "Email"),
        ["Admin.Col.Roles"] = new("Roolit", "Roller", "Roles"),
        ["Admin.Col.State"] = new("Tila", "Status", "State"),
        ["Admin.Col.TwoFactor"] = new("Todennussovellus", "Autentiseringsapp", "Authenticator"),
        ["Admin.Col.Created"] = new("Luotu", "Skapad", "Created"),
        ["Admin.Col.Prefix"] = new("Avaimen tunniste", "Nyckelns prefix", "Key prefix"),
        ["Admin.Col.Permissions"] = new("Oikeudet", "Behörigheter", "Permissions"),
        ["Admin.Col.Actions"] = new("Toiminnot", "Åtgärder", "Actions"),
        ["Admin.Col.Setting"] = new("Asetus", "Inställning", "Setting"),
        ["Admin.Col.Value"] = new("Arvo", "Värde", "Value"),
        ["Admin.State.Active"] = new("Käytössä", "Aktiv", "Active"),
        ["Admin.State.Disabled"] = new("Poistettu käytöstä", "Inaktiverad", "Disabled"),
        ["Admin.State.MustChangePassword"] = new("vaihtaa salasanan", "byter lösenord", "must change password"),
        ["Admin.State.LockedOut"] = new("lukittu {0} asti", "låst till {0}", "locked until {0}"),
        ["Admin.TwoFactor.On"] = new("Käytössä", "Aktiv", "On"),
        ["Admin.TwoFactor.Off"] = new("Ei käytössä", "Inte aktiv", "Off"),
        ["Admin.Roles.None"] = new("ei rooleja", "inga roller", "no roles"),

        ["Admin.User.Back"] = new("Kaikki käyttäjät", "Alla användare", "All users"),
        ["Admin.User.RolesHint"] = new(
            "Rooli antaa oikeudet. Omia roolejasi et voi muuttaa, eikä viimeiseltä pääkäyttäjältä voi poistaa pääkäyttäjän roolia.",
            "Rollen ger behörigheterna. Du kan inte ändra dina egna roller, och den sista huvudanvändaren kan inte förlora rollen.",
            "A role grants the permissions. You cannot change your own roles, and the last administrator keeps the role."),
        ["Admin.User.SaveRoles"] = new("Tallenna roolit", "Spara roller", "Save roles"),
        ["Admin.User.RolesSaved"] = new("Roolit tallennettu.", "Rollerna har sparats.", "Roles saved."),
        ["Admin.User.OwnRoles"] = new(
            "Omia roolejasi et voi muuttaa; toinen pääkäyttäjä muuttaa ne.", "Du kan inte ändra dina egna roller; en annan huvudanvändare gör det.",
            "You cannot change your own roles; another administrator must."),
        ["Admin.User.LastAdmin"] = new(
            "Tämä on viimeinen käytössä oleva pääkäyttäjä.", "Det här är den sista aktiva huvudanvändaren.", "This is the last active administrator."),
        ["Admin.User.Permissions"] = new("Roolien antamat oikeudet", "Behörigheter som rollerna ger", "Permissions the roles grant"),
        ["Admin.User.Access"] = new("Käyttöoikeus", "Åtkomst", "Access"),
        ["Admin.User.DisableHint"] = new(
            "Käytöstä poistettu käyttäjä ei voi kirjautua, ja hänen istuntonsa lakkaavat toimimasta heti.",
            "En inaktiverad användare kan inte logga in, och hens sessioner slutar gälla direkt.",
            "A disabled user cannot sign in, and their sessions stop working at once."),
        ["Admin.User.Disable"] = new("Poista käytöstä", "Inaktivera", "Disable"),
        ["Admin.User.Enable"] = new("Ota käyttöön", "Aktivera", "Enable"),
        ["Admin.User.Disabled"] = new("Käyttäjä poistettu käytöstä.", "Användaren har inaktiverats.", "User disabled."),
        ["Admin.User.Enabled"] = new("Käyttäjä otettu käyttöön.", "Användaren har aktiverats.", "User enabled."),
        ["Admin.User.OwnDisable"] = new(
            "Omaa käyttäjätunnustasi et voi poistaa käytöstä.", "Du kan inte inaktivera ditt eget konto.", "You cannot disable your own account."),
        ["Admin.User.TwoFactor"] = new("Kaksivaiheinen tunnistautuminen", "Tvåstegsverifiering", "Second factor"),
        ["Admin.User.TwoFactorOn"] = new("Todennussovellus on käytössä.", "Autentiseringsappen är aktiv.", "An authenticator app is set up."),
        ["Admin.User.TwoFactorOff"] = new(
            "Todennussovellusta ei ole otettu käyttöön.", "Ingen autentiseringsapp har tagits i bruk.", "No authenticator app is set up."),
        ["Admin.User.ResetTwoFactor"] = new("Nollaa todennussovellus", "Återställ autentiseringsappen", "Reset the authenticator"),
        ["Admin.User.ResetHint"] = new(
            "Esimerkiksi kadonneen puhelimen vuoksi: sovellus ja varakoodit poistetaan ja istunnot päättyvät. Jos roolit vaativat toisen vaiheen, käyttäjä ottaa sovelluksen uudelleen käyttöön seuraavalla kirjautumisella.",
            "Till exempel vid en förlorad telefon: appen och reservkoderna tas bort och sessionerna avslutas. Om rollerna kräver ett andra steg tar användaren appen i bruk igen vid nästa inloggning.",
            "For a lost phone, say: the app and the recovery codes are removed and the sessions end. Where the roles require a second factor, the user sets the app up again at the next sign-in."),
        ["Admin.User.ResetDone"] = new("Todennussovellus nollattu.", "Autentiseringsappen har återställts.", "Authenticator reset."),
        ["Admin.User.OwnReset"] = new(
            "Omaa todennussovellustasi et voi nollata; toinen pääkäyttäjä nollaa sen.",
            "Du kan inte återställa din egen autentiseringsapp; en annan huvudanvändare gör det.",
            "You cannot reset your own authenticator; another administrator must."),

        ["Admin.Clients.Intro"] = new(
            "Integraatiot (puhelinjärjestelmä, verkkosivut, konserniyhtiöt) kutsuvat rajapintaa avaimella. Avain näytetään vain kerran, kun se luodaan.",
            "Integrationer (telefonisystemet, webbplatsen, koncernbolag) anropar API:t med en nyckel. Nyckeln visas bara en gång, när den skapas.",
            "Integrations (telephony, the website, group companies) call the API with a key. The key is shown once, when it is created."),
        ["Admin.Clients.New"] = new("Uusi avain", "Ny nyckel", "New key"),
        ["Admin.Clients.All"] = new("Kaikki avaimet", "Alla nycklar", "All keys"),
        ["Admin.Field.ClientName"] = new("Järjestelmän nimi", "Systemets namn", "System name"),
        ["Admin.Field.Permissions"] = new("Oikeudet (avaimen laajuus)", "Behörigheter (nyckelns omfattning)", "Permissions (the key's scope)"),
        ["Admin.Clients.Integration"] = new(
            "Integraation oikeudet: voimassa heti", "Integrationens behörigheter: gäller direkt", "Integration permissions: valid at once"),
        ["Admin.Clients.NeedsApproval"] = new(
            "Muut oikeudet: tietosuojavastaavan on hyväksyttävä avain ennen käyttöä",
            "Övriga behörigheter: dataskyddsombudet måste godkänna nyckeln före användning",
            "Other permissions: the data protection officer approves the key before it works"),
        ["Admin.Clients.Create"] = new("Luo avain", "Skapa nyckel", "Create key"),
        ["Admin.Clients.Created"] = new("Avain luotu järjestelmälle {0}.", "Nyckel skapad för {0}.", "Key created for {0}."),
        ["Admin.Clients.Key"] = new("Rajapinta-avain", "API-nyckel", "API key"),
        ["Admin.Clients.KeyHint"] = new(
            "Kopioi avain nyt järjestelmän asetuksiin. Sitä ei näytetä uudelleen; rekisterissä on vain sen tiiviste.",
            "Kopiera nyckeln nu till systemets inställningar. Den visas inte igen; registret sparar bara dess hash.",
            "Copy the key into the system's settings now. It is not shown again; the register keeps only its hash."),
        ["Admin.Clients.PendingNote"] = new(
            "Avain odottaa tietosuojavastaavan hyväksyntää eikä toimi ennen sitä.",
            "Nyckeln väntar på dataskyddsombudets godkännande och fungerar inte innan dess.",
            "The key awaits the data protection officer's approval and does not work before it."),
        ["Admin.ClientState.Active"] = new("Voimassa", "Giltig", "In use"),
        ["Admin.ClientState.Pending"] = new("Odottaa hyväksyntää", "Väntar på godkännande", "Awaiting approval"),
        ["Admin.ClientState.Revoked"] = new("Peruttu {0}", "Återkallad {0}", "Revoked {0}"),
        ["Admin.Clients.Revoke"] = new("Peru avain", "Återkalla nyckeln", "Revoke key"),
        ["Admin.Clients.RevokeLabel"] = new("Peru avain: {0}", "Återkalla nyckeln: {0}", "Revoke the key: {0}"),
        ["Admin.Clients.Revoked"] = new(
            "Avain {0} peruttu; sillä ei voi enää kirjautua.", "Nyckeln {0} är återkallad; den kan inte längre logga in.",
            "Key {0} revoked; it no longer signs in."),
        ["Admin.Clients.Empty"] = new("Ei avaimia.", "Inga nycklar.", "No keys."),
        ["Admin.Clients.Approvals.Title"] = new("Hyväksyntää odottavat avaimet", "Nycklar som väntar på godkännande", "Keys awaiting approval"),
        ["Admin.Clients.Approvals.Intro"] = new(
            "Avain, jolla on muita kuin integraation oikeuksia, toimii vasta kun tietosuojavastaava, joka ei ole sen luonut, hyväksyy sen.",
            "En nyckel med andra än integrationens behörigheter fungerar först när ett dataskyddsombud som inte skapat den godkänner den.",
            "A key with more than the integration permissions works only once a data protection officer other than its creator approves it."),
        ["Admin.Clients.Approvals.Link"] = new(
            "Tietosuojavastaava hyväksyy sen sivulla", "Dataskyddsombudet godkänner den på sidan", "The data protection officer approves it on the page"),
        ["Admin.Clients.Approve"] = new("Hyväksy", "Godkänn", "Approve"),
        ["Admin.Clients.ApproveLabel"] = new("Hyväksy avain: {0}", "Godkänn nyckeln: {0}", "Approve the key: {0}"),
        ["Admin.Clients.Approved"] = new("Avain {0} hyväksytty.", "Nyckeln {0} är godkänd.", "Key {0} approved."),
        ["Admin.Clients.OwnApproval"] = new(
            "Avaimen hyväksyy muu tietosuojavastaava kuin sen luonut.", "Nyckeln godkänns av ett annat dataskyddsombud än den som skapade den.",
            "A key is approved by a data protection officer other than the one who created it."),
        ["Admin.Clients.NonePending"] = new("Ei hyväksyntää odottavia avaimia.", "Inga nycklar väntar på godkännande.", "No keys await approval."),

        ["Admin.Settings.Intro"] = new(
            "Sovelluksen voimassa olevat asetukset. Niitä muutetaan asetustiedostossa tai ympäristömuuttujilla, ei tällä sivulla. Salaisuuksista (salasanat, avaimet, varmenteet, tietokantayhteys) näytetään vain, onko ne asetettu.",
            "Programmets gällande inställningar. De ändras i inställningsfilen eller med miljövariabler, inte på den här sidan. För hemligheter (lösenord, nycklar, certifikat, databasanslutning) visas bara om de är satta.",
            "The application's settings in force. They are changed in the settings file or the environment, not on this page. Of a secret (password, key, certificate, database connection) only whether it is set is shown."),
        ["Admin.Settings.SecretSet"] = new("asetettu (salainen)", "satt (hemlig)", "set (secret)"),
        ["Admin.Settings.SecretUnset"] = new("ei asetettu", "inte satt", "not set"),
        ["Admin.Settings.Empty"] = new("(tyhjä)", "(tomt)", "(empty)"),

        ["Admin.Permission.Account.Self"] = new("Oma käyttäjätili", "Eget konto", "Own account"),
        ["Admin.Permission.Customer.Read"] = new("Asiakastietojen luku", "Läsa kunduppgifter", "Read customer data"),
        ["Admin.Permission.Customer.Write"] = new("Asiakastietojen kirjaus", "Registrera kunduppgifter", "Write customer data"),
        ["Admin.Permission.IdentityCode.Reveal"] = new("Henkilötunnuksen näyttäminen", "Visa personbeteckning", "Reveal identity codes"),
        ["Admin.Permission.BankAccount.Reveal"] = new("Tilinumeron näyttäminen", "Visa kontonummer", "Reveal bank accounts"),
        ["Admin.Permission.Marketing.Read"] = new("Markkinoinnin luku", "Läsa marknadsföring", "Read marketing"),
        ["Admin.Permission.Marketing.Write"] = new("Markkinoinnin kirjaus", "Registrera marknadsföring", "Write marketing"),
        ["Admin.Permission.Billing.Read"] = new("Laskujen luku", "Läsa fakturor", "Read billing"),
        ["Admin.Permission.Billing.Write"] = new("Laskutus ja maksut", "Fakturering och betalningar", "Billing and payments"),
        ["Admin.Permission.Vehicle.Read"] = new("Romutusten luku", "Läsa skrotningar", "Read scrapping"),
        ["Admin.Permission.Vehicle.Write"] = new("Romutusten kirjaus", "Registrera skrotningar", "Write scrapping"),
        ["Admin.Permission.Recording.Read"] = new("Tallenteiden kuuntelu ja katselu", "Lyssna på och se inspelningar", "Play recordings"),
        ["Admin.Permission.Recording.Upload"] = new("Tallenteiden vienti", "Ladda upp inspelningar", "Upload recordings"),
        ["Admin.Permission.Request.Read"] = new("Tietopyyntöjen luku", "Läsa begäranden", "Read requests"),
        ["Admin.Permission.Request.Handle"] = new("Tietopyyntöjen käsittely", "Handlägga begäranden", "Handle requests"),
        ["Admin.Permission.Retention.Read"] = new("Säilytysaikojen luku", "Läsa lagringstider", "Read retention"),
        ["Admin.Permission.Retention.Run"] = new("Poistoajo ja toimipisteet", "Raderingskörning och verksamhetsställen", "Run the sweep, add units"),
        ["Admin.Permission.Audit.Read"] = new("Tapahtumalokin luku", "Läsa händelseloggen", "Read the audit log"),
        ["Admin.Permission.Users.Manage"] = new("Käyttäjien ja avainten hallinta", "Hantera användare och nycklar", "Manage users and keys"),
        ["Admin.Permission.Catalog.Read"] = new("Selosteen luku", "Läsa registret över behandling", "Read the catalogue"),
        ["Admin.Permission.Restricted.Read"] = new("Rajoitettujen tietojen luku", "Läsa begränsade uppgifter", "Read restricted people"),
        ["Admin.Permission.WebEvent.Write"] = new("Verkkosivujen tapahtumat", "Webbplatsens händelser", "Send web events"),
        ["Admin.Permission.GroupCompany.Read"] = new("Konserniyhtiön luku", "Koncernbolagets läsning", "Group company read"),
        ["Admin.Permission.ApiClient.Approve"] = new("Avainten hyväksyntä", "Godkänna nycklar", "Approve keys"),
        ["Admin.Permission.LegalHold.Release"] = new("Oikeudellisen pidon purku", "Häva rättslig spärr", "Release legal holds"),
        ["Admin.Permission.Recipient.Manage"] = new("Vastaanottajarekisterin ylläpito", "Underhåll av mottagarregistret", "Manage the recipients registry"),
        ["Admin.Field.Recipient"] = new("Vastaanottaja (konserniyhtiön avain)", "Mottagare (koncernbolagets nyckel)", "Recipient (group company's key)"),
        ["Admin.Field.Recipient.None"] = new("Ei vastaanottajaa", "Ingen mottagare", "No recipient"),
        ["Admin.Col.Recipient"] = new("Vastaanottaja", "Mottagare", "Recipient"),
        ["Admin.Permission.Recording.Configure"] = new("Kameratallenteiden säilytysaika", "Kamerainspelningarnas lagringstid", "Set CCTV periods"),
    };
}
