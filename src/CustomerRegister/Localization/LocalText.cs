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

    public override string ToString() => En;
}
