using System.Globalization;

namespace CustomerRegister.Localization;

/// <summary>
/// The one localisation mechanism: a text in each of <see cref="Languages.All"/>. Pages, reports, letters and the
/// catalogue all say their words through it.
/// </summary>
public sealed record LocalText(string Fi, string Sv, string En)
{
    public string In(string? language) => Languages.Normalize(language) switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };

    /// <summary>
    /// The text with its <c>{0}</c>, <c>{1}</c>… filled in each language: numbers the Finnish and Swedish way, the
    /// English one invariant (the API's words); an argument that is itself a <see cref="LocalText"/> is put in the same
    /// language.
    /// </summary>
    public LocalText Format(params object?[] args) => new(
        string.Format(Finnish, Fi, Pick(args, t => t.Fi)),
        string.Format(Swedish, Sv, Pick(args, t => t.Sv)),
        string.Format(CultureInfo.InvariantCulture, En, Pick(args, t => t.En)));

    public override string ToString() => En;

    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-FI");

    private static object?[] Pick(object?[] args, Func<LocalText, string> language) =>
        Array.ConvertAll(args, a => a is LocalText t ? language(t) : a);
}
