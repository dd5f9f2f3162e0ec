namespace CustomerRegister.Catalog;

/// <summary>A text in the register's languages: Finnish (the default), Swedish and English.</summary>
public sealed record LocalText(string Fi, string Sv, string En)
{
    public string In(string language) => language switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };

    public override string ToString() => En;
}
