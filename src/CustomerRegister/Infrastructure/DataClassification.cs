using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Data classes for log redaction. A log parameter marked <see cref="PersonalDataAttribute"/> or
/// <see cref="SensitiveDataAttribute"/> is erased before any log provider sees it.
/// </summary>
public static class RegisterTaxonomy
{
    public const string Name = "CustomerRegister";

    /// <summary>Names, emails, phone numbers, addresses: anything that identifies a person.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));

    /// <summary>Personal identity codes, bank accounts, secrets.</summary>
    public static DataClassification SensitiveData { get; } = new(Name, nameof(SensitiveData));

    public static IServiceCollection AddRegisterRedaction(this IServiceCollection services) =>
        services.AddRedaction(r =>
        {
            r.SetRedactor<ErasingRedactor>(new DataClassificationSet(PersonalData), new DataClassificationSet(SensitiveData));
            r.SetFallbackRedactor<ErasingRedactor>();
        });
}

public sealed class PersonalDataAttribute() : DataClassificationAttribute(RegisterTaxonomy.PersonalData);

public sealed class SensitiveDataAttribute() : DataClassificationAttribute(RegisterTaxonomy.SensitiveData);
