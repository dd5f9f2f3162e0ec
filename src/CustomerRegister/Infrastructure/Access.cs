using System.Security.Claims;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerRegister.Infrastructure;

/// <summary>Field-level checks inside an endpoint: a further permission, and the purpose a caller states.</summary>
public sealed class Access(IAuthorizationService authorization, IHttpContextAccessor http)
{
    private static readonly LocalText UnknownPurposeText = new(
        "Tuntematon käyttötarkoitus. Tunnetut: {0}.",
        "Okänt ändamål. Kända: {0}.",
        "Unknown purpose. Known: {0}.");

    public const string PurposeHeader = "X-Purpose";

    public async Task<bool> HasAsync(string permission)
    {
        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        return (await authorization.AuthorizeAsync(user, Permissions.Policy(permission))).Succeeded;
    }

    /// <summary>The purpose stated in the X-Purpose header, or the given default; null when an unknown one was stated.</summary>
    public string? Purpose(string fallback)
    {
        var stated = http.HttpContext?.Request.Headers[PurposeHeader].ToString();
        return string.IsNullOrEmpty(stated) ? fallback : Purposes.IsKnown(stated) ? stated : null;
    }

    /// <summary>The answer to an X-Purpose header that names no known purpose.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem UnknownPurpose() =>
        new FieldErrors().Add(PurposeHeader, UnknownPurposeText.Format(string.Join(", ", Purposes.All))).Problem();

    /// <summary>Column names of the properties an update changed: what the audit event names (never the values).</summary>
    public static IEnumerable<string> ChangedFields(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && p.Metadata.Name is not "Version" and not "UpdatedAt")
            .Select(p => p.Metadata.GetColumnName());

    public static IEnumerable<string> SetFields(EntityEntry entry) =>
        entry.Properties.Where(p => p.CurrentValue is not null && p.Metadata.FindAnnotation(CatalogModelExtensions.CategoryAnnotation) is not null)
            .Select(p => p.Metadata.GetColumnName());
}
