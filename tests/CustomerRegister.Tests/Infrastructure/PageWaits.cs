using System.Text.RegularExpressions;
using Microsoft.Playwright;

// In the tests' root namespace so that every browser test sees the extensions without a using.
namespace CustomerRegister.Tests;

/// <summary>
/// The one way the browser tests wait for a page they navigated to (a link, or a form's POST and its redirect).
/// Playwright's own <c>WaitForURLAsync</c> is not used: its .NET client looks at the URL (or at the load states it
/// has been told of) and only then subscribes to the event it waits for, on another thread than the one that delivers
/// the events. A <c>navigated</c> or <c>load</c> event delivered in between is lost and the wait runs into its timeout
/// although the page is there, likelier the busier the machine (microsoft/playwright-dotnet#3364; the log then shows
/// only the later "networkidle" event). With the URL already matching it also waits for <c>load</c> whatever
/// <c>WaitUntil</c> says (#3365). Here nothing subscribes to an event after the fact: the URL is an auto-retrying
/// assertion (<c>Expect(page).ToHaveURLAsync</c>, retried by Playwright's driver) and the document's <c>readyState</c>
/// a condition the page itself re-checks (<c>WaitForFunctionAsync</c>, which outlives a navigation), so a late look
/// still sees what came early.
/// </summary>
public static class PageWaits
{
    /// <summary>Generous: a loaded 2-core CI machine running many browser tests at once is slow, not stuck.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Any page but the sign-in form: where a sign-in goes.</summary>
    public static readonly Regex AwayFromSignIn = new("^(?!.*/Account/Login)");

    private const string Parsed = "() => document.readyState !== 'loading'";
    private const string Loaded = "() => document.readyState === 'complete'";

    private static readonly PageAssertionsToHaveURLOptions UrlOptions = new() { Timeout = (float)Timeout.TotalMilliseconds };
    private static readonly PageWaitForFunctionOptions ReadyOptions = new() { Timeout = (float)Timeout.TotalMilliseconds };

    /// <summary>Until the page is at exactly <paramref name="url"/> and its DOM is parsed (content ready, styles maybe not).</summary>
    public static async Task WaitForPageAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, UrlOptions);
        await page.WaitForFunctionAsync(Parsed, null, ReadyOptions);
    }

    /// <summary>Until the page's URL matches <paramref name="url"/> and its DOM is parsed (content ready, styles maybe not).</summary>
    public static async Task WaitForPageAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, UrlOptions);
        await page.WaitForFunctionAsync(Parsed, null, ReadyOptions);
    }

    /// <summary>Until the page has loaded its stylesheets, scripts and images (the document's <c>load</c>): before a screenshot or axe.</summary>
    public static Task WaitForLoadedAsync(this IPage page) => page.WaitForFunctionAsync(Loaded, null, ReadyOptions);
}
