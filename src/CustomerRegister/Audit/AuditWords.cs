using CustomerRegister.Localization;

namespace CustomerRegister.Audit;

/// <summary>
/// An audit event's action in words: a dotted action is read as its object (everything before the last dot, e.g.
/// <c>vehicle.certificate</c>) and its verb (the last part, <c>read</c>), each with its own text, so that new actions
/// on known objects read without a change here; a few actions have words of their own. An action nobody has given
/// words reads "Tunnistamaton tapahtuma", never as its raw name.
/// </summary>
public static class AuditWords
{
    /// <summary>The verbs of actions that show someone a person's data: what "who has seen this person" lists.</summary>
    public static readonly IReadOnlySet<string> ViewVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "read", "list", "download", "reveal", "disclose", "generate", "find_by_identity_code",
    };

    /// <summary>Actions the register writes, for the filter's choices (dynamic ones expanded).</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "access_report.generate", "additional_info.consent_withdrawn", "additional_info.create", "additional_info.list",
        "additional_info.read", "additional_info.update", "audit.read", "auth.change_password", "auth.login", "auth.logout",
        "auth.refresh", "auth.two_factor.disable", "auth.two_factor.enrol", "auth.two_factor.recovery_codes",
        "billing_customer.read", "breach.create", "breach.decide", "breach.find_affected", "breach.letter", "breach.letters_posted", "breach.list",
        "breach.notify_authority", "breach.read", "breach.update", "client.approve", "client.create", "client.revoke", "collection.close", "collection.list",
        "collection.open", "collection.read", "collection.update", "consumer.bank_account.clear", "consumer.bank_account.set", "consumer.create",
        "consumer.list", "consumer.read", "consumer.reveal", "consumer.update", "contact.create", "contact.read", "contact.update",
        "contact_history.create", "contact_history.list", "contact_history.read", "contact_history.update", "contract.create",
        "contract.end", "contract.list", "contract.read", "contract.update", "demo.seed", "disclosure.list", "erasure_certificate.read",
        "feedback.create", "feedback.list", "feedback.read", "feedback.update", "import.check", "import.discard", "import.expired", "import.interrupted", "import.run", "invoice.cancel", "invoice.collection",
        "invoice.create", "invoice.list", "invoice.read", "invoice.update", "legal_hold.release", "legal_hold.set", "mail.failed",
        "mail.list_failed", "mail.retry", "marketing.ban.applied", "marketing.campaign.download", "marketing.campaign.export", "marketing.campaign.preview", "marketing.campaign.read", "marketing.consent.append", "marketing.consent.check",
        "marketing.consent.read", "marketing.event.invite", "marketing.industry_opt_out.upload", "marketing.event.list", "marketing.event.participation",
        "marketing.event.read", "marketing.survey.list", "marketing.survey.read", "marketing.survey.record",
        "marketing.web_event.intake", "marketing.web_event.read", "marketing.web_event.unlinked", "metal_credit.create",
        "metal_credit.list", "metal_credit.read", "organisation.create", "organisation.list", "organisation.read",
        "organisation.update", "payment.create", "processing_limit.lift", "processing_limit.read", "processing_limit.set",
        "production_unit.create", "production_unit.update", "profiling.clear", "profiling.read", "profiling.run", "recipient.create", "recipient.end", "recipient.update", "recipient_notification.notified", "recording.call.delete_missing_file", "recording.call.download",
        "recording.call.list", "recording.call.read", "recording.call.upload", "recording.cctv.delete_missing_file",
        "recording.cctv.download", "recording.cctv.list", "recording.cctv.read", "recording.cctv.upload", "rectification.apply",
        "relationship.create", "relationship.end", "relationship.read", "relationship.update", "request.assign",
        "request.complete", "request.confirm_email", "request.create", "request.deadline_warning", "request.duplicate_received",
        "request.erase", "request.extend", "request.lift_announced", "request.list", "request.marketing_prohibited", "request.match",
        "request.profiling_stopped", "request.read", "request.rectify", "request.refuse", "request.restricted", "request.start",
        "request.verify_identity", "request.withdraw", "retention.preview", "retention.run", "search", "service.cancel",
        "service.create", "service.event", "service.list", "service.read", "service.update", "subject.disclose", "subject.read",
        "user.create", "user.disable", "user.enable", "user.list", "user.read", "user.roles", "vehicle.certificate.create",
        "vehicle.certificate.deregistration", "vehicle.certificate.find_by_identity_code", "vehicle.certificate.list",
        "vehicle.certificate.read", "vehicle.certificate.reveal",
    ];

    /// <summary>True when the action showed someone the person's data (not a change, not a read of the trail itself).</summary>
    public static bool IsView(string action)
    {
        var (subject, verb) = Split(action);
        return subject != "audit" && verb is not null && ViewVerbs.Contains(verb);
    }

    /// <summary>The action in words in the current language: "Lasku: luettu", "Sisäänkirjautuminen".</summary>
    public static string Describe(string action) => Text(action).In(Language);

    /// <summary>The action in words in each language.</summary>
    public static LocalText Text(string action)
    {
        if (AuditTexts.Texts.TryGetValue("Audit.Action." + action, out var whole))
        {
            return whole;
        }

        var (subject, verb) = Split(action);
        if (verb is not null && AuditTexts.Texts.TryGetValue("Audit.Object." + subject, out var o)
            && AuditTexts.Texts.TryGetValue("Audit.Verb." + verb, out var v))
        {
            return new LocalText($"{o.Fi}: {v.Fi}", $"{o.Sv}: {v.Sv}", $"{o.En}: {v.En}");
        }

        return AuditTexts.Texts["Audit.Action.Unknown"];
    }

    /// <summary>True when the action has words of its own or from its object and verb.</summary>
    public static bool HasWords(string action) => !ReferenceEquals(Text(action), AuditTexts.Texts["Audit.Action.Unknown"]);

    /// <summary>The purpose in words ("Asiakassuhteen hoitaminen"); an unknown one reads as unknown, not raw.</summary>
    public static string Purpose(string purpose) =>
        Catalog.Purposes.IsKnown(purpose) ? Catalog.Purposes.Name(purpose, Language) : UiText.Get("Audit.Purpose.Unknown");

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static (string Subject, string? Verb) Split(string action)
    {
        var dot = action.LastIndexOf('.');
        return dot <= 0 ? (action, null) : (action[..dot], action[(dot + 1)..]);
    }
}
