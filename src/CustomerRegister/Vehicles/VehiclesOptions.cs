using CustomerRegister.Infrastructure;

namespace CustomerRegister.Vehicles;

/// <summary>
/// How long the owner's personal identity code stays on a scrapping certificate (section <c>Vehicles</c>). The law names
/// no period: the code is needed to identify the owner to Traficom for the deregistration (Tietosuojalaki 1050/2018
/// § 29), and data minimisation (GDPR Art 5(1)(c)) ends its use once that is done.
/// </summary>
public sealed class VehiclesOptions
{
    public const string Section = "Vehicles";

    /// <summary>
    /// The code is emptied once the deregistration is recorded, at the latest this many days after issue: a code issued
    /// on day D is kept through D + days (Helsinki dates) and emptied on the next day.
    /// </summary>
    public int IdentityCodeDays { get; set; } = Catalog.RetentionRule.IdentityCodeOnCertificate.Period.Amount;

    /// <summary>The issuing treatment facility as printed on every certificate (Commission Decision 2002/151/EC).</summary>
    public CertificateIssuer Issuer { get; set; } = new();

    public string? Invalid() =>
        Settings.Range(Section, IdentityCodeDays, 1, 365);
}

/// <summary>
/// The authorised treatment facility that issues the certificates (section <c>Vehicles:Issuer</c>): its name, address
/// and registration or permit number, and the authority that granted the permit, as Decision 2002/151/EC asks.
/// </summary>
public sealed class CertificateIssuer
{
    public string Name { get; set; } = "Encore Ympäristöpalvelut Oy";

    public string? Address { get; set; }

    public string? PermitNumber { get; set; }

    public string? PermitAuthority { get; set; }
}
