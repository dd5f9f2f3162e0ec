using CustomerRegister.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>The document's own parts: title, server, the security schemes the operations name, tag descriptions.</summary>
internal sealed class ApiDocumentInfo : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    /// <summary>Each tag an endpoint group declares (<c>WithTags</c>), described once.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Authentication"] = "Sign-in, bearer and refresh tokens, password change, the caller's own account and second factor.",
        ["Users"] = "Staff accounts and their roles (Users.Manage).",
        ["API clients"] = "Integration clients and their X-Api-Key keys; a key beyond the integration permissions waits for a DPO's approval.",
        ["Audit"] = "The hash-chained audit trail and its verification.",
        ["Catalog"] = "The personal-data catalogue: categories, purposes, legal bases, sources, retention rules and who may read and write.",
        ["Subjects"] = "A data subject's whole picture, access report, rectification, restriction and erasure.",
        ["Group companies"] = "What notice § 8 discloses to a group company, audited as a disclosure.",
        ["Recipients"] = "The registry of recipients (notice § 8) and the log of what was disclosed to them.",
        ["Search"] = "Finding subjects by name, number or code.",
        ["Consumers"] = "Consumer customers and their protected codes.",
        ["Organisations"] = "Organisation customers and their contact persons.",
        ["Relationships"] = "Customer relationships, contracts and ordered services.",
        ["Contact history and feedback"] = "Contacts with a customer and the feedback they gave.",
        ["Marketing"] = "Marketing permissions and prohibitions, campaigns, events, surveys and web events.",
        ["Billing"] = "Invoices, payments, metal-credit payouts and collection.",
        ["Vehicles"] = "Scrapping certificates and vehicle owners.",
        ["Recordings"] = "Call recordings from the telephony system and CCTV footage of the production units.",
        ["Requests"] = "Data-subject requests: intake, identity, deadlines, answers.",
        ["Imports"] = "CSV imports of consumers, organisations and contact persons with their source and provenance: a dry run row by row, then all or nothing.",
        ["Public opt-out"] = "The opt-out link's one-click refusal (RFC 8058), without sign-in: the signed link is the authority.",
        ["Public requests"] = "The public request form: submission and e-mail confirmation, without sign-in.",
        ["Mail"] = "Outgoing mail that could not be delivered.",
        ["Retention"] = "Retention previews and sweeps, legal holds and production units.",
        ["Profiling"] = "Nightly profiling for marketing selection (segment and service interests, explained in words); runs and one person's results.",
        ["Breaches"] = "The personal-data breach register (Art 33–34): the 72-hour clock, the notification to the authority, the people affected and their letter.",
        ["Privacy notice"] = "The published privacy notice (notice § 1–13) written from the catalogue and configuration, and its versions; without sign-in.",
        ["Jobs"] = "Long work with progress (a sweep started with POST /api/retention/runs): started, running with its steps, done or failed with the reason.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Customer Register API";
        document.Info.Description = "The customer register's REST API. Every answer other than a success is a ProblemDetails "
                                    + "(RFC 9457); a 400 names each bad field in `errors`.";

        // A server URL ending in "/" makes clients join paths into "//api/…".
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The `accessToken` of `POST /api/auth/login` (a staff account). The requirement lists the permission the operation needs.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = "An integration client's key (`POST /api/clients`). The requirement lists the permission the key must carry.",
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        // The answers ProblemResponses refers to, present even if no result type declared them.
        foreach (var (id, type) in new[] { (ProblemResponses.Problem, typeof(ProblemDetails)), (ProblemResponses.ValidationProblem, typeof(HttpValidationProblemDetails)) })
        {
            if (document.Components.Schemas?.ContainsKey(id) != true)
            {
                document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }
        }

        await DropUnusedSchemasAsync(document, cancellationToken);
    }

    /// <summary>Drops the component schemas nothing refers to any more (e.g. the placeholder of a form UploadForms replaced).</summary>
    private static async Task DropUnusedSchemasAsync(OpenApiDocument document, CancellationToken cancellationToken)
    {
        while (document.Components?.Schemas is { Count: > 0 } schemas)
        {
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
            var unused = schemas.Keys.Where(id => !json.Contains($"\"#/components/schemas/{id}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0)
            {
                return;
            }

            foreach (var id in unused)
            {
                schemas.Remove(id);
            }
        }
    }
}
