using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>The request's state machine as plain rules: each returns why a step is not allowed, or null.</summary>
public static class RequestRules
{
    public static readonly LocalText NotMatched = new(
        "Pyyntöä ei ole vielä yhdistetty henkilöön.",
        "Begäran har ännu inte kopplats till en person.",
        "The request is not matched to a person yet.");

    public static readonly LocalText NotVerified = new(
        "Pyytäjän henkilöllisyyttä ei ole vielä todennettu.",
        "Identiteten hos den som begärt har ännu inte kontrollerats.",
        "The requester's identity has not been verified yet.");

    private static readonly LocalText WebFormUnconfirmed = new(
        "Verkkolomakkeella tullut pyyntö yhdistetään henkilöön vasta, kun sähköpostiosoite on vahvistettu.",
        "En begäran via webbformuläret kopplas till en person först när e-postadressen har bekräftats.",
        "A web-form request is matched only after its email is confirmed.");

    private static readonly LocalText CannotMatch = new(
        "Pyyntöä ei voi yhdistää henkilöön sen nykyisessä tilassa.",
        "Begäran kan inte kopplas till en person i sin nuvarande status.",
        "A request in state {0} cannot be matched.");

    private static readonly LocalText VerifyAfterMatching = new(
        "Henkilöllisyys todennetaan, kun pyyntö on yhdistetty henkilöön ja ennen käsittelyä; pyyntö ei ole nyt siinä vaiheessa.",
        "Identiteten kontrolleras efter att begäran kopplats till en person och före behandlingen; begäran är inte i det skedet nu.",
        "Identity is verified after matching and before handling; the request is {0}.");

    private static readonly LocalText VerifyFirst = new(
        "Tämän pyynnön käsittely edellyttää ensin henkilöllisyyden todentamista.",
        "Den här begäran kräver att identiteten först kontrolleras.",
        "A {0} request needs identity verification first.");

    private static readonly LocalText CannotStart = new(
        "Pyynnön käsittelyä ei voi aloittaa sen nykyisessä tilassa.",
        "Behandlingen av begäran kan inte påbörjas i dess nuvarande status.",
        "A request in state {0} cannot be started.");

    private static readonly LocalText CannotComplete = new(
        "Pyyntöä ei voi merkitä valmiiksi sen nykyisessä tilassa.",
        "Begäran kan inte markeras som klar i sin nuvarande status.",
        "A request in state {0} cannot be completed.");

    private static readonly LocalText RectifyInProgress = new(
        "Muutokset tehdään, kun pyynnön käsittely on käynnissä (yhdistetty, henkilöllisyys todennettu, aloitettu).",
        "Ändringarna görs medan begäran behandlas (kopplad, identiteten kontrollerad, påbörjad).",
        "Changes are applied while the request is in progress (matched, identity verified, started); the request is {0}.");

    private static readonly LocalText AlreadyClosed = new(
        "Pyyntö on jo suljettu.",
        "Begäran är redan avslutad.",
        "The request is already closed ({0}).");

    public static bool IsOpen(RequestState state) =>
        state is not (RequestState.Completed or RequestState.Refused or RequestState.Withdrawn or RequestState.Duplicate);

    /// <summary>Nothing may leave the register, be erased or be changed before the requester is known to be the person (Art 12(6)).</summary>
    public static bool NeedsIdentityVerification(RequestType type) =>
        type is RequestType.Access or RequestType.Erasure or RequestType.Portability or RequestType.Rectification;

    public static LocalText? CanMatch(RequestChannel channel, RequestState state) => state switch
    {
        RequestState.Received when channel == RequestChannel.WebForm => WebFormUnconfirmed,
        RequestState.Received or RequestState.EmailConfirmed => null,
        _ => CannotMatch.Format(state),
    };

    public static LocalText? CanVerifyIdentity(RequestState state) =>
        state == RequestState.Matched ? null : VerifyAfterMatching.Format(state);

    public static LocalText? CanStart(RequestType type, RequestState state) => state switch
    {
        RequestState.IdentityVerified => null,
        RequestState.Matched when !NeedsIdentityVerification(type) => null,
        RequestState.Matched => VerifyFirst.Format(type),
        _ => CannotStart.Format(state),
    };

    public static LocalText? CanComplete(RequestType type, RequestState state) => state switch
    {
        RequestState.InProgress or RequestState.IdentityVerified => null,
        RequestState.Matched when !NeedsIdentityVerification(type) => null,
        RequestState.Matched => VerifyFirst.Format(type),
        _ => CannotComplete.Format(state),
    };

    /// <summary>Data is changed only while a matched, identity-verified rectification request is being handled.</summary>
    public static LocalText? CanRectify(RequestState state) =>
        state == RequestState.InProgress ? null : RectifyInProgress.Format(state);

    public static LocalText? CanClose(RequestState state) => IsOpen(state) ? null : AlreadyClosed.Format(state);
}
