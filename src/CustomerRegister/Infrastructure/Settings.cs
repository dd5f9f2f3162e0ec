using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Infrastructure;

/// <summary>A setting the application cannot work with; the message names the setting and what it allows.</summary>
public sealed class SettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Checks of the settings: each refusal names one setting key, its value and the allowed range
/// (<c>Retention:LeaseSeconds is 3; allowed 30 or more.</c>), and the host and the CLI print it without a stack trace.
/// </summary>
public static class Settings
{
    /// <summary>The exit code of a start refused for a setting (EX_CONFIG of sysexits.h).</summary>
    public const int ExitCode = 78;

    /// <summary>A refusal when <paramref name="value"/> (the property of section <paramref name="section"/>) is outside min–max.</summary>
    public static string? Range(string section, long value, long min, long max, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        value < min || value > max ? Invariant($"{Key(section, setting)} is {value}; allowed {min}–{max}.") : null;

    public static string? Range(string section, double value, double min, double max, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        value < min || value > max ? Invariant($"{Key(section, setting)} is {value}; allowed {min}–{max}.") : null;

    public static string? AtLeast(string section, long value, long min, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        value < min ? Invariant($"{Key(section, setting)} is {value}; allowed {min} or more.") : null;

    public static string? Required(string section, string? value, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        string.IsNullOrWhiteSpace(value) ? $"{Key(section, setting)} is empty; it is required." : null;

    /// <summary>A refusal naming the setting, its value and what it allows, when <paramref name="ok"/> is false.</summary>
    public static string? Allowed(string section, bool ok, object? value, string allowed, string setting) =>
        ok ? null : Invariant($"{Key(section, setting)} is {value ?? "empty"}; allowed {allowed}.");

    /// <summary>The setting's key from its section and the property path the check names (<c>Smtp.Port</c> → <c>Mail:Smtp:Port</c>).</summary>
    public static string Key(string section, string setting) => $"{section}:{setting.Replace('.', ':')}";

    /// <summary>Validates the options with <paramref name="invalid"/> (the refusal or null) at start, with the refusal as the message.</summary>
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder, Func<T, string?> invalid)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new Check<T>(builder.Name, invalid));
        return builder.ValidateOnStart();
    }

    /// <summary>Runs every start-up check of the options; throws when one refuses (see <see cref="Message"/>).</summary>
    public static void Validate(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Runs every start-up check of the options: the refusals, one a line, or null when the settings are workable.</summary>
    public static string? Refusal(IServiceProvider services)
    {
        try
        {
            Validate(services);
            return null;
        }
        catch (Exception ex) when (Message(ex) is { } message)
        {
            return message;
        }
    }

    /// <summary>The message of a refused setting, or null when <paramref name="ex"/> is something else.</summary>
    public static string? Message(Exception ex) => ex switch
    {
        SettingException s => s.Message,
        OptionsValidationException o => string.Join(Environment.NewLine, o.Failures),
        AggregateException a when a.InnerExceptions.All(e => Message(e) is not null) =>
            string.Join(Environment.NewLine, a.InnerExceptions.Select(e => Message(e))),
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Check<T>(string? name, Func<T, string?> invalid) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            name is not null && name != optionsName ? ValidateOptionsResult.Skip
            : invalid(options) is { } refusal ? ValidateOptionsResult.Fail(refusal)
            : ValidateOptionsResult.Success;
    }
}
