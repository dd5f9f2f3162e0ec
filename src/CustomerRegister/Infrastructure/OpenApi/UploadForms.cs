using System.Globalization;
using CustomerRegister.Recordings;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>
/// The multipart forms that the recording uploads read section by section (<see cref="MultipartUpload"/>, never bound,
/// so ASP.NET cannot describe them), keyed by operation: one <c>file</c> part and short text fields.
/// </summary>
internal sealed class UploadForms : IOpenApiOperationTransformer
{
    public const string MultipartForm = "multipart/form-data";

    private static readonly Dictionary<string, Func<OpenApiMediaType>> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST api/recordings/calls"] = () => Form("audio/*", "The call recording.",
            [
                ("callerNumber", Text("The caller's phone number, when known."), false),
                ("agent", Text("Who took the call.", maxLength: 200), true),
                ("startedAt", Time("When the call started; not in the future."), true),
                ("durationSeconds", new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Minimum = "0",
                    Maximum = RecordingRules.MaxCallSeconds.ToString(CultureInfo.InvariantCulture),
                    Description = "The call's length in whole seconds.",
                }, true),
            ]),
        ["POST api/recordings/cctv"] = () => Form("video/*", "The footage.",
            [
                ("unit", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The production unit's id." }, true),
                ("camera", Text("The camera's name.", maxLength: 100), true),
                ("periodStart", Time("The start of the footage."), true),
                ("periodEnd", Time($"The end of the footage: after periodStart, not in the future, at most {RecordingRules.MaxCctvClip.TotalHours:0} hours after the start."), true),
            ]),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Forms.TryGetValue($"{context.Description.HttpMethod} {context.Description.RelativePath}", out var form))
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [MultipartForm] = form() },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiMediaType Form(string fileType, string fileDescription, (string Name, OpenApiSchema Schema, bool Required)[] fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            [MultipartUpload.FileField] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "binary",
                Description = $"{fileDescription} Content type {fileType}; one part.",
            },
        };
        foreach (var field in fields)
        {
            properties[field.Name] = field.Schema;
        }

        return new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = properties,
                Required = new HashSet<string>([MultipartUpload.FileField, .. fields.Where(f => f.Required).Select(f => f.Name)], StringComparer.Ordinal),
            },
            Encoding = new Dictionary<string, OpenApiEncoding> { [MultipartUpload.FileField] = new() { ContentType = fileType } },
        };
    }

    private static OpenApiSchema Text(string description, int? maxLength = null) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Description = description };

    private static OpenApiSchema Time(string description) =>
        new() { Type = JsonSchemaType.String, Format = "date-time", Description = description + " ISO 8601." };
}
