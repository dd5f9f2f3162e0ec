using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Search;
using CustomerRegister.Vehicles;

namespace CustomerRegister.Demo;

/// <summary>
/// Scrapping certificates for some consumers, with the owner's nationality (mostly FI), the registration number indexed
/// on the owner for search, and — as <see cref="IssueCertificate"/> and <see cref="IdentityCodeExpiry"/> leave it — a
/// synthetic but valid identity code stored encrypted, hashed and masked only on certificates whose deregistration is not
/// yet recorded and that are younger than <see cref="VehiclesOptions.IdentityCodeDays"/>. Most vehicles are deregistered
/// within two weeks of issue.
/// </summary>
public sealed class VehiclesGenerator : IDemoGenerator
{
    public const float CertificateShare = 0.08f;
    private const float RecentShare = 0.15f;

    private static readonly (string Make, string[] Models, string Class)[] Fleet =
    [
        ("Toyota", ["Corolla", "Avensis", "Yaris", "RAV4"], "M1"), ("Volkswagen", ["Golf", "Passat", "Polo"], "M1"),
        ("Volvo", ["V70", "S40", "V50"], "M1"), ("Ford", ["Focus", "Mondeo", "Fiesta"], "M1"), ("Nissan", ["Micra", "Almera", "Primera"], "M1"),
        ("Opel", ["Astra", "Vectra", "Corsa"], "M1"), ("Skoda", ["Octavia", "Fabia"], "M1"), ("Renault", ["Clio", "Megane"], "M1"),
        ("Mazda", ["323", "626", "6"], "M1"), ("Ford", ["Transit"], "N1"), ("Volkswagen", ["Transporter", "Caddy"], "N1"),
        ("Toyota", ["Hiace"], "N1"), ("Honda", ["CBF 600"], "L3e"),
    ];

    // ISO 3779 excludes I, O and Q; the first letters are world-manufacturer codes of European makes.
    private const string VinCharacters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static readonly string[] Manufacturers = ["WVW", "YV1", "VF1", "WF0", "SJN", "TMB", "JMZ", "NMT", "W0L", "VF3"];
    private const string PlateLetters = "ABCDEFGHJKLMNPRSTUVXYZ";
    private static readonly string[] OtherNationalities = ["SE", "EE", "RU", "DE", "LV", "PL"];

    public void Generate(DemoChunk chunk)
    {
        foreach (var customer in chunk.Customers)
        {
            var r = chunk.Faker.Random;
            if (customer.Consumer is not { } owner || r.Float() >= CertificateShare)
            {
                continue;
            }

            var code = PersonalIdentityCode.Create(chunk.DateBetween(new DateOnly(1940, 1, 1), new DateOnly(2005, 12, 31)), r.Int(2, 899));
            var lookup = ScrappingCertificate.LookupOf(chunk.Codes, code);
            string? previous = null;
            var count = r.Float() < 0.1f ? 2 : 1;
            for (var i = 1; i <= count; i++)
            {
                var (make, models, vehicleClass) = chunk.Faker.PickRandom(Fleet);
                var registration = VehicleRules.RegistrationNumber(Plate(chunk), out _)!;
                // Some of the certificates are recent (within the code's period); the deregistration is recorded within a
                // month of issue for most, never for some (their codes go at the end of the period).
                var issued = r.Float() < RecentShare
                    ? chunk.DateBetween(chunk.Today.AddDays(-chunk.Vehicles.IdentityCodeDays), chunk.Today)
                    : chunk.DateBetween(chunk.Today.AddYears(-4), chunk.Today);
                var deregistered = issued.AddDays(r.Int(0, 30));
                DateOnly? deregisteredOn = deregistered <= chunk.Today && r.Float() < 0.8f ? deregistered : null;
                var keepsCode = deregisteredOn is null && issued.AddDays(chunk.Vehicles.IdentityCodeDays) >= chunk.Today;
                var certificate = chunk.Record(new ScrappingCertificate
                {
                    ConsumerId = owner.Id,
                    CertificateNumber = RelationshipsGenerator.Number("RT", customer.Position, i),
                    IssueDate = issued,
                    DeregisteredOn = deregisteredOn,
                    RegistrationNumber = registration,
                    Vin = NewVin(chunk),
                    Make = make,
                    Model = chunk.Faker.PickRandom(models),
                    VehicleClass = vehicleClass,
                    OwnerName = $"{owner.FirstName} {owner.LastName}",
                    OwnerStreet = owner.Street,
                    OwnerPostalCode = owner.PostalCode,
                    OwnerCity = owner.City,
                    OwnerNationality = r.Float() < 0.95f ? "FI" : chunk.Faker.PickRandom(OtherNationalities),
                    IdentityCodeCipher = keepsCode ? chunk.Codes.Encrypt(code.Value) : null,
                    IdentityCodeLookup = keepsCode ? lookup : null,
                    IdentityCodeMasked = keepsCode ? code.Masked() : null,
                }, owner.SubjectId, DataSource.Consumer);
                chunk.Rows.Add(certificate);
                if (registration == previous)
                {
                    continue;
                }

                previous = registration;
                chunk.Rows.Add(new SearchEntry
                {
                    Term = SearchText.Code(registration),
                    Field = SearchIndex.RegistrationField,
                    TargetKind = SearchTarget.Consumer,
                    TargetId = owner.Id,
                    SubjectId = owner.SubjectId,
                });
            }
        }
    }

    /// <summary>A Finnish-style plate: three letters and one to three digits, e.g. <c>ABC-123</c>.</summary>
    private static string Plate(DemoChunk chunk)
    {
        var r = chunk.Faker.Random;
        Span<char> letters = [PlateLetters[r.Int(0, PlateLetters.Length - 1)], PlateLetters[r.Int(0, PlateLetters.Length - 1)],
            PlateLetters[r.Int(0, PlateLetters.Length - 1)]];
        return string.Create(CultureInfo.InvariantCulture, $"{letters}-{r.Int(1, 999)}");
    }

    private static string NewVin(DemoChunk chunk)
    {
        var r = chunk.Faker.Random;
        var chars = new char[CustomerRegister.Vehicles.Vin.Length];
        chunk.Faker.PickRandom(Manufacturers).CopyTo(chars);
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = VinCharacters[r.Int(0, VinCharacters.Length - 1)];
        }

        return new string(chars);
    }
}
