namespace CustomerRegister.Requests;

/// <summary>The request's state machine as plain rules: each returns why a step is not allowed, or null.</summary>
public static class RequestRules
{
    public static bool IsOpen(RequestState state) =>
        state is not (RequestState.Completed or RequestState.Refused or RequestState.Withdrawn or RequestState.Duplicate);

    /// <summary>Nothing may leave the register, be erased or be changed before the requester is known to be the person (Art 12(6)).</summary>
    public static bool NeedsIdentityVerification(RequestType type) =>
        type is RequestType.Access or RequestType.Erasure or RequestType.Portability or RequestType.Rectification;

    public static string? CanMatch(RequestChannel channel, RequestState state) => state switch
    {
        RequestState.Received when channel == RequestChannel.WebForm => "A web-form request is matched only after its email is confirmed.",
        RequestState.Received or RequestState.EmailConfirmed => null,
        _ => $"A request in state {state} cannot be matched.",
    };

    public static string? CanVerifyIdentity(RequestState state) =>
        state == RequestState.Matched ? null : $"Identity is verified after matching and before handling; the request is {state}.";

    public static string? CanStart(RequestType type, RequestState state) => state switch
    {
        RequestState.IdentityVerified => null,
        RequestState.Matched when !NeedsIdentityVerification(type) => null,
        RequestState.Matched => $"A {type} request needs identity verification first.",
        _ => $"A request in state {state} cannot be started.",
    };

    public static string? CanComplete(RequestType type, RequestState state) => state switch
    {
        RequestState.InProgress or RequestState.IdentityVerified => null,
        RequestState.Matched when !NeedsIdentityVerification(type) => null,
        RequestState.Matched => $"A {type} request needs identity verification first.",
        _ => $"A request in state {state} cannot be completed.",
    };

    /// <summary>Data is changed only while a matched, identity-verified rectification request is being handled.</summary>
    public static string? CanRectify(RequestState state) =>
        state == RequestState.InProgress
            ? null
            : $"Changes are applied while the request is in progress (matched, identity verified, started); the request is {state}.";

    public static string? CanClose(RequestState state) => IsOpen(state) ? null : $"The request is already closed ({state}).";
}
