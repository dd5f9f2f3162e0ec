using System.Text;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CustomerRegister.Recordings;

/// <summary>
/// Reads a multipart/form-data upload section by section: short text fields into memory, the one file part
/// streamed straight into the store (never buffered whole, never through IFormFile).
/// </summary>
public sealed class MultipartUpload
{
    private static readonly LocalText NotMultipart = new(
        "Lähetä tiedosto ja kentät multipart/form-data-muodossa.",
        "Skicka filen och fälten som multipart/form-data.",
        "Send multipart/form-data with the file and the fields.");

    private static readonly LocalText UnnamedPart = new(
        "Lähetyksessä on osa, joka ei ole nimetty lomakekenttä.",
        "Sändningen har en del som inte är ett namngivet formulärfält.",
        "The multipart body has a part that is not a named form field.");

    private static readonly LocalText ExactlyOneFile = new(
        "Lähetä täsmälleen yksi tiedosto osassa nimeltä '{0}'.",
        "Skicka exakt en fil, i delen med namnet '{0}'.",
        "Send exactly one file, in the part named '{0}'.");

    private static readonly LocalText WrongContentType = new(
        "Tiedoston tyypin on oltava {0}/*.",
        "Filens typ måste vara {0}/*.",
        "The file's content type must be {0}/*.");

    private static readonly LocalText Unreadable = new(
        "Lähetystä ei voitu lukea.",
        "Sändningen kunde inte läsas.",
        "The multipart body could not be read.");

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
            errors.Add(FileField, NotMultipart);
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
                    errors.Add(FileField, UnnamedPart);
                    break;
                }

                if (disposition.IsFileDisposition() || name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                {
                    if (upload.File is not null || !name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(FileField, ExactlyOneFile.Format(FileField));
                    }
                    else if (!RecordingRules.IsMediaType(section.ContentType, mediaType))
                    {
                        errors.Add(FileField, WrongContentType.Format(mediaType));
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
                    errors.Add(name, FieldMessages.TooLong(MaxFieldChars));
                }
                else
                {
                    upload.Fields[name] = value;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException)
        {
            errors.Add(FileField, Unreadable);
        }
        catch
        {
            await upload.DiscardAsync(store);
            throw;
        }

        if (upload.File is null && !errors.ToDictionary().ContainsKey(FileField))
        {
            errors.Add(FileField, FieldMessages.Required);
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
