using System.Security.Cryptography;
using System.Text;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.OptOut;

/// <summary>Settings of the opt-out links (section <c>Marketing:OptOut</c>). The links' public address is <c>Mail:PublicBaseUrl</c>.</summary>
public sealed class OptOutOptions
{
    public const string Section = "Marketing:OptOut";

    /// <summary>How long a link in a message works, in days; after it the page says how else to refuse.</summary>
    public int LinkValidityDays { get; set; } = 180;

    /// <summary>Presses of the page's button per client address and window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 600;

    public string? Invalid() =>
        Settings.Range(Section, LinkValidityDays, 1, 3650)
        ?? Settings.AtLeast(Section, PermitLimit, 1)
        ?? Settings.Range(Section, WindowSeconds, 1, 86_400);
}

/// <summary>
/// What an opt-out link stands for: the person, and either a channel and marketing purpose to prohibit
/// (<see cref="Channel"/> set) or profiling to object to (<see cref="Channel"/> null), and the language of its page.
/// </summary>
public sealed record OptOutToken(Guid SubjectId, MarketingChannel? Channel, string? Purpose, string Language)
{
    public bool IsProfiling => Channel is null;
}

/// <summary>
/// Signed, expiring opt-out links for every marketing message (917/2014 § 200: a free and easy way to refuse in every
/// message; GDPR Art 21(4)). The token is ASP.NET Data Protection's time-limited protector over a small binary payload
/// (purpose string <see cref="ProtectorPurpose"/>): encrypted and authenticated, so nothing in it is readable or
/// changeable, and it stops working <see cref="OptOutOptions.LinkValidityDays"/> after it was made (on the register's
/// <see cref="TimeProvider"/>). A singleton: a campaign export calls it once per row.
/// </summary>
public sealed class OptOutLinks(IDataProtectionProvider protection, IOptions<OptOutOptions> options, IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>The Data Protection purpose of the tokens; a token made for another purpose does not open here.</summary>
    public const string ProtectorPurpose = "CustomerRegister.Marketing.OptOut.Link.v1";

    /// <summary>The page's path before the token.</summary>
    public const string PathPrefix = "/optout/";

    private const byte FormatVersion = 1;
    private const byte Profiling = 0;

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(ProtectorPurpose).ToTimeLimitedDataProtector();

    /// <summary>
    /// The absolute link that prohibits <paramref name="channel"/> × <paramref name="purpose"/> (a pair of the ledger,
    /// <see cref="MarketingConsentRules.IsPair"/>) for the person, its page in <paramref name="language"/> (fi, sv, en;
    /// anything else as Finnish).
    /// </summary>
    public string UrlFor(Guid subjectId, MarketingChannel channel, string purpose, string language)
    {
        if (!MarketingConsentRules.IsPair(channel, purpose))
        {
            throw new ArgumentException($"{channel} × {purpose} is not a pair of the marketing ledger.", nameof(purpose));
        }

        return Url(Protect(new OptOutToken(subjectId, channel, purpose, Languages.Normalize(language))));
    }

    /// <summary>The absolute link by which the person objects to profiling (Art 21), its page in <paramref name="language"/>.</summary>
    public string ProfilingUrlFor(Guid subjectId, string language) =>
        Url(Protect(new OptOutToken(subjectId, null, null, Languages.Normalize(language))));

    /// <summary>The token of a link, made now, valid for <see cref="OptOutOptions.LinkValidityDays"/>.</summary>
    public string Protect(OptOutToken token)
    {
        var purpose = Encoding.UTF8.GetBytes(token.Purpose ?? "");
        var language = Encoding.ASCII.GetBytes(token.Language);
        var payload = new byte[1 + 16 + 1 + 1 + purpose.Length + 1 + language.Length];
        var at = 0;
        payload[at++] = FormatVersion;
        token.SubjectId.TryWriteBytes(payload.AsSpan(at, 16), bigEndian: true, out _);
        at += 16;
        payload[at++] = token.Channel is { } c ? (byte)c : Profiling;
        payload[at++] = (byte)purpose.Length;
        purpose.CopyTo(payload, at);
        at += purpose.Length;
        payload[at++] = (byte)language.Length;
        language.CopyTo(payload, at);
        var expires = clock.GetUtcNow().AddDays(options.Value.LinkValidityDays);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload, expires));
    }

    /// <summary>What the token stands for; null when it is expired, tampered with, made for another purpose or malformed.</summary>
    public OptOutToken? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token), out var expires);
            if (expires <= clock.GetUtcNow())
            {
                return null;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        return Parse(payload);
    }

    /// <summary>The link of <paramref name="token"/> under the register's public address (<c>Mail:PublicBaseUrl</c>).</summary>
    public string Url(string token) => mail.Value.PublicBaseUrl.TrimEnd('/') + PathPrefix + token;

    private static OptOutToken? Parse(ReadOnlySpan<byte> p)
    {
        if (p.Length < 1 + 16 + 1 + 1 + 1 || p[0] != FormatVersion)
        {
            return null;
        }

        var subject = new Guid(p.Slice(1, 16), bigEndian: true);
        var channel = p[17];
        var purposeLength = p[18];
        if (p.Length < 19 + purposeLength + 1)
        {
            return null;
        }

        var purpose = Encoding.UTF8.GetString(p.Slice(19, purposeLength));
        var languageLength = p[19 + purposeLength];
        if (p.Length != 19 + purposeLength + 1 + languageLength)
        {
            return null;
        }

        var language = Encoding.ASCII.GetString(p.Slice(20 + purposeLength, languageLength));
        if (!Languages.IsSupported(language))
        {
            return null;
        }

        if (channel == Profiling)
        {
            return purposeLength == 0 ? new OptOutToken(subject, null, null, language) : null;
        }

        var ch = (MarketingChannel)channel;
        return Enum.IsDefined(ch) && MarketingConsentRules.IsPair(ch, purpose) ? new OptOutToken(subject, ch, purpose, language) : null;
    }
}
