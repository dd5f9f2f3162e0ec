namespace CustomerRegister.Catalog;

/// <summary>GDPR Art 6(1) bases used by the register.</summary>
public enum LegalBasis
{
    /// <summary>Art 6(1)(b): a contract with the person, or steps before one.</summary>
    Contract = 1,

    /// <summary>Art 6(1)(c): the Accounting Act, the Waste Act, vehicle deregistration.</summary>
    LegalObligation = 2,

    /// <summary>Art 6(1)(f): customer relationship and B2B contacts, marketing to existing customers.</summary>
    LegitimateInterest = 3,

    /// <summary>Art 6(1)(a): electronic direct marketing to consumers, additional information.</summary>
    Consent = 4,
}

/// <summary>What erasure (Art 17) does to an item of a category.</summary>
public enum ErasureAction
{
    /// <summary>The row goes.</summary>
    Delete = 1,

    /// <summary>The row stays for statistics with every personal value removed.</summary>
    Anonymise = 2,

    /// <summary>Law requires keeping it: restricted (Art 18) until its own due date, then deleted.</summary>
    RestrictUntilDue = 3,

    /// <summary>Kept as a keyed hash so that the person's wish (a marketing ban) survives the erasure.</summary>
    KeepAsKeyedHash = 4,
}
