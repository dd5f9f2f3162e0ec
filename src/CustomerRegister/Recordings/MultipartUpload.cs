using System.Text;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CustomerRegister.Recordings;

/// <summary>
/// Reads a multipart/form-data upload section by section: short text fields into memory, the one file part
/// streamed straight into the store (never buffered whole, never through IFormFile).
/// </summary>
public sealed class MultipartUpload
{
    public const string FileField = "file";
    private const int MaxFieldChars = 1000;
    private const int MaxSections = 20;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public StoredRecording? File { get; private set; }

    public string? FileContentType { get; private set; }

    /// <summary>
    /// Reads the body. Field problems are added to <paramref name="errors"/>; a file larger than the limit throws
    /// <see cref="RecordingTooLargeException"/>. Whenever the read does not complete, a stored file is removed again.
    /// </summary>
    public static async Task<MultipartUpload> ReadAsync(
        string? contentType, Stream body, IRecordingStore store, string mediaType, long maxBytes, FieldErrors errors, CancellationToken ct)
    {
        var upload = new MultipartUpload();
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            errors.Add(FileField, "Send multipart/form-data with the file and the fields.");
            return upload;
        }

        try
        {
            var reader = new MultipartReader(boundary.Value!, body);
            var sections = 0;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (++sections > MaxSections
                    || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFormDisposition() && !disposition.IsFileDisposition()
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    errors.Add(FileField, "The multipart body has a part that is not a named form field.");
                    break;
                }

                if (disposition.IsFileDisposition() || name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                {
                    if (upload.File is not null || !name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(FileField, $"Send exactly one file, in the part named '{FileField}'.");
                    }
                    else if (!RecordingRules.IsMediaType(section.ContentType, mediaType))
                    {
                        errors.Add(FileField, $"The file's content type must be {mediaType}/*.");
                    }
                    else
                    {
                        upload.FileContentType = MediaTypeHeaderValue.Parse(section.ContentType).MediaType.Value!.ToLowerInvariant();
                        upload.File = await store.SaveAsync(section.Body, maxBytes, ct);
                    }

                    continue;
                }

                var value = await ReadFieldAsync(section.Body, ct);
                if (value is null)
                {
                    errors.Add(name, $"At most {MaxFieldChars} characters.");
                }
                else
                {
                    upload.Fields[name] = value;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException)
        {
            errors.Add(FileField, "The multipart body could not be read.");
        }
        catch
        {
            await upload.DiscardAsync(store);
            throw;
        }

        if (upload.File is null && !errors.ToDictionary().ContainsKey(FileField))
        {
            errors.Add(FileField, "Required.");
        }

        return upload;
    }

    /// <summary>Removes the stored file of an upload that will get no row (it was refused or failed).</summary>
    public async Task DiscardAsync(IRecordingStore store)
    {
        if (File is not null)
        {
            await store.DeleteAsync(File.Key, CancellationToken.None);
            File = null;
        }
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > MaxFieldChars ? null : new string(buffer, 0, read);
    }
}
