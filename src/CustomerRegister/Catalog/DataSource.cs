namespace CustomerRegister.Catalog;

/// <summary>Where an item came from (notice § 7). Every personal-data row records one.</summary>
public enum DataSource
{
    /// <summary>Asiakas sekä tämän työntekijät — the customer organisation and its employees.</summary>
    CustomerOrganisation = 1,

    /// <summary>Kuluttaja-asiakas — the consumer themself.</summary>
    Consumer = 2,

    /// <summary>Markkinakartoitukset, julkiset tietolähteet ja kaupalliset rekisterit.</summary>
    PublicSources = 3,

    /// <summary>Suosittelijat — referrers.</summary>
    Referrer = 4,

    /// <summary>Kumppaniverkosto — partner network.</summary>
    PartnerNetwork = 5,

    /// <summary>Prospektointityökalut — prospecting tools.</summary>
    ProspectingTool = 6,

    /// <summary>Rekisterinpitäjän omat tietojärjestelmät — the controller's own systems, also while the person uses the services.</summary>
    OwnSystems = 7,
}
