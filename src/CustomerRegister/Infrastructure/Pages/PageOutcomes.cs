using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Infrastructure.Pages;

/// <summary>
/// A use case's outcome on a page: each refused field's reason beside that field, in the page's language. A use
/// case names fields as the API does (<c>bankAccount</c>, <c>items[0].amount</c>); a page binds them under a prefix
/// (<c>Input.BankAccount</c>), so the name is translated once here.
/// </summary>
public static class PageOutcomes
{
    /// <summary>Puts the failure's field errors (or its conflict) into the model state; false when the outcome failed.</summary>
    public static bool Show<T>(this ModelStateDictionary state, Outcome<T> outcome, string prefix = "Input")
    {
        if (outcome.IsOk)
        {
            return true;
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors.Messages)
            {
                foreach (var message in messages)
                {
                    state.AddModelError(Key(prefix, field), message.In(language));
                }
            }
        }

        if (outcome.Conflict is { } conflict)
        {
            state.AddModelError(Key(prefix, conflict.Field), conflict.Message.In(language));
        }

        return false;
    }

    /// <summary><c>bankAccount</c> → <c>Input.BankAccount</c>; <c>items[0].amount</c> → <c>Input.Items[0].Amount</c>.</summary>
    public static string Key(string prefix, string field)
    {
        var parts = field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]);
        var name = string.Join('.', parts);
        return prefix.Length == 0 ? name : prefix + "." + name;
    }

    /// <summary>The field a stale save is reported on.</summary>
    public const string VersionField = "version";

    /// <summary>
    /// Runs a versioned write for a page: a save made against an older version (the API's 409) comes back as a
    /// conflict on <see cref="VersionField"/>, so the page can show what changed and keep the user's input.
    /// </summary>
    public static async Task<Outcome<T>> CatchStale<T>(this Task<Outcome<T>> write)
    {
        try
        {
            return await write;
        }
        catch (DbUpdateConcurrencyException stale)
        {
            // Nothing of the refused write may stay pending: the page's next read saves its audit row with the same context.
            stale.Entries.FirstOrDefault()?.Context.ChangeTracker.Clear();
            return Outcome.Conflict(VersionField, Localization.UiText.Text("Form.Stale"));
        }
    }

    /// <summary>True when the outcome is the optimistic-concurrency conflict (someone saved a newer version).</summary>
    public static bool IsStale<T>(this Outcome<T> outcome) =>
        outcome.Conflict is { Field: VersionField };
}
