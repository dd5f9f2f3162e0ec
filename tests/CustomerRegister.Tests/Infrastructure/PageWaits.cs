using System.Diagnostics;
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
/// <c>WaitUntil</c> says (#3365). Here nothing waits for an event: the page's URL and the document's
/// <c>readyState</c> are read until they are as wanted, so a late look still sees what came early.
/// </summary>
public static class PageWaits
{
    /// <summary>Generous: a loaded 2-core CI machine running many browser tests at once is slow, not stuck.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Until the page is at exactly <paramref name="url"/> and its DOM is parsed (content ready, styles maybe not).</summary>
    public static Task WaitForPageAsync(this IPage page, string url) =>
        WaitForAsync(page, u => u == url, $"the page at {url}", "interactive", "complete");

    /// <summary>Until the page's URL matches <paramref name="url"/> and its DOM is parsed (content ready, styles maybe not).</summary>
    public static Task WaitForPageAsync(this IPage page, Regex url) =>
        WaitForAsync(page, url.IsMatch, $"a page whose URL matches /{url}/", "interactive", "complete");

    /// <summary>Until the page's URL satisfies <paramref name="url"/> and its DOM is parsed (content ready, styles maybe not).</summary>
    public static Task WaitForPageAsync(this IPage page, Func<string, bool> url) =>
        WaitForAsync(page, url, "a page whose URL satisfies the condition", "interactive", "complete");

    /// <summary>Until the page has loaded its stylesheets, scripts and images (the document's <c>load</c>): before a screenshot or axe.</summary>
    public static Task WaitForLoadedAsync(this IPage page) =>
        WaitForAsync(page, _ => true, "the page fully loaded", "complete");

    private static async Task WaitForAsync(IPage page, Func<string, bool> urlMatches, string what, params string[] readyStates)
    {
        var clock = Stopwatch.StartNew();
        string? readyState = null;
        while (true)
        {
            var url = page.Url;
            if (urlMatches(url))
            {
                readyState = await ReadyStateAsync(page);
                if (readyState is not null && readyStates.Contains(readyState) && page.Url == url)
                {
                    return;
                }
            }

            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException(
                    $"Waited {Timeout.TotalSeconds:0} s for {what}; the page is at {page.Url} (document {readyState ?? "not read"}).");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The document's readyState, or null while a navigation replaces the document being asked.</summary>
    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        if (page.IsClosed)
        {
            throw new PlaywrightException("The page was closed while a test waited for it.");
        }

        try
        {
            return await page.EvaluateAsync<string>("document.readyState").WaitAsync(Timeout);
        }
        catch (PlaywrightException) when (!page.IsClosed)
        {
            // "Execution context was destroyed": the document went away under the question; ask the next one.
            return null;
        }
    }
}
