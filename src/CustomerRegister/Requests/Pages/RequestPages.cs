namespace CustomerRegister.Requests.Pages;

/// <summary>The public request pages' names (their paths from the project root); /Rights answers at /Rights (see FeaturePages).</summary>
public static class RequestPages
{
    public const string Rights = "/Requests/Pages/Rights";
}
