using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Protection;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Requests;

public sealed record RectifyChange(string? Table, string? RowId, string? Field, string? Value, long? Version = null);

public sealed record RectifyRequest(IReadOnlyList<RectifyChange>? Changes, long? Version);

public sealed record RectificationResponse(
    DateTime At, string Table, string RowId, string Field, string? Before, string? After, string Category);

/// <summary>Whom the controller tells of a rectification (Art 19), and why.</summary>
public sealed record NotifyRecipient(string Recipient, string Reason);

/// <summary>
/// Applies the field changes of a rectification request (Art 16): every change names a catalogue table and column,
/// the row must be the request subject's (by the access report's walker condition), the value is validated by the
/// field's type and category, and all changes commit together. The old and new values are kept only in
/// <see cref="RequestRectification"/>; the audit trail names the fields.
/// </summary>
public sealed class Rectifications(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, ProtectedCodes codes, RequestSteps requests,
    Microsoft.Extensions.Options.IOptions<ControllerOptions> controller, RecipientNotifications notifications)
{
    private static readonly LocalText NotMatched = new(
        "Pyyntöä ei ole yhdistetty henkilöön.",
        "Begäran är inte kopplad till en person.",
        "The request is not matched to a person.");

    private static readonly LocalText ChangesRequired = new(
        "Pakollinen tieto: vähintään yksi muutos { table, rowId, field, value }.",
        "Obligatorisk uppgift: minst en ändring { table, rowId, field, value }.",
        "Required: at least one change { table, rowId, field, value }.");

    private static readonly LocalText TooManyChanges = new(
        "Enintään {0} muutosta kerralla.",
        "Högst {0} ändringar åt gången.",
        "At most {0} changes at a time.");

    private static readonly LocalText OnlyRectification = new(
        "Vain oikaisupyyntö muuttaa tietoja; tämä pyyntö on toista lajia.",
        "Endast en begäran om rättelse ändrar uppgifter; den här begäran är av annat slag.",
        "Only a rectification request changes data; this is a {0} request.");

    private static readonly LocalText ChangeRequired = new(
        "Pakollinen tieto: { table, rowId, field, value }.",
        "Obligatorisk uppgift: { table, rowId, field, value }.",
        "Required: { table, rowId, field, value }.");

    private static readonly LocalText NotATable = new(
        "Ei ole tietoluettelon taulu, jossa on henkilön tietoja.",
        "Inte en tabell i katalogen som innehåller personens uppgifter.",
        "Not a table of the catalogue that holds a person's data.");

    private static readonly LocalText RowIdRequired = new(
        "Pakollinen tieto: rivin tunniste.",
        "Obligatorisk uppgift: radens id.",
        "Required: the id of the row.");

    private static readonly LocalText NotAColumn = new(
        "Ei ole taulun {0} sarake.",
        "Inte en kolumn i tabellen {0}.",
        "Not a column of {0}.");

    private static readonly LocalText ColumnRefused = new(
        "{0}: {1}",
        "{0}: {1}",
        "{0}: {1}");

    private static readonly LocalText ChangedTwice = new(
        "Saman rivin samaa tietoa muutetaan kahdesti.",
        "Samma uppgift på samma rad ändras två gånger.",
        "The same field of the same row is changed twice.");

    private static readonly LocalText NoSuchRow = new(
        "Taulussa {0} ei ole pyynnön henkilön riviä tällä tunnisteella.",
        "Tabellen {0} har ingen rad för begärans person med det här id:t.",
        "No row of the request's person in {0} has this id.");

    public const int MaxChanges = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<DataSubjectRequest>> RectifyAsync(Guid id, RectifyRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var changes = input.Changes ?? [];
        if (changes.Count == 0)
        {
            errors.Add("changes", ChangesRequired);
        }
        else if (changes.Count > MaxChanges)
        {
            errors.Add("changes", TooManyChanges.Format(MaxChanges));
        }

        errors.RequiredVersion(input.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var request = await requests.LoadAsync(id, input.Version, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (request.Type != RequestType.Rectification)
        {
            return Outcome.Conflict("type", OnlyRectification.Format(request.Type));
        }

        if (RequestRules.CanRectify(request.State) is { } refusal)
        {
            return Outcome.Conflict("state", refusal);
        }

        if (request.SubjectId is not { } subjectId)
        {
            return Outcome.Conflict("subjectId", NotMatched);
        }

        var planned = await PlanAsync(changes, subjectId, errors, ct);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var applied = new List<(object Row, string Table, string RowId, List<string> Fields)>();
        foreach (var change in planned)
        {
            var row = await db.FindAsync(change.Entity.ClrType, [change.Key], ct)
                      ?? throw new DbUpdateConcurrencyException("The row was removed meanwhile.");
            var entry = db.Entry(row);
            if (change.Version is { } version && entry.Metadata.FindProperty(nameof(IVersioned.Version)) is { } versionProperty
                && !applied.Any(a => ReferenceEquals(a.Row, row)))
            {
                entry.Property(versionProperty.Name).OriginalValue = version;
            }

            var (before, after) = Apply(entry, change);
            if (before == after)
            {
                continue;
            }

            db.Add(new RequestRectification
            {
                Id = Guid.CreateVersion7(),
                RequestId = request.Id,
                At = Now,
                Table = change.Field.Table,
                RowId = change.RowId,
                Field = change.Field.Column,
                Before = Shown(before),
                After = Shown(after),
                CategoryId = change.Field.Category!.Id,
            });
            var done = applied.FirstOrDefault(a => ReferenceEquals(a.Row, row));
            if (done.Row is null)
            {
                applied.Add((row, change.Field.Table, change.RowId, [change.Field.Column]));
            }
            else
            {
                done.Fields.Add(change.Field.Column);
            }
        }

        foreach (var (row, table, rowId, fields) in applied)
        {
            await RefreshSearchAsync(row, ct);
            audit.Add(new AuditEntry("rectification.apply", Purposes.DataSubjectRights, subjectId, table, rowId, fields));
        }

        var named = applied.SelectMany(a => a.Fields.Select(f => $"{a.Table}.{f}")).ToList();
        var recipients = await RecipientsAsync(subjectId, request.Language, ct);
        Record(request, "rectified", named.Count == 0 ? "No value differed from the register." : string.Join(", ", named));
        Record(request, "recipients_listed", Truncate(string.Join("; ", recipients.Select(r => r.Recipient)), 1000));

        // The notice to the requester covers every change of the request so far (categories, never values); mailed on completion.
        var categories = (await db.Set<RequestRectification>().AsNoTracking().Where(r => r.RequestId == request.Id)
                .Select(r => r.CategoryId).ToListAsync(ct))
            .Concat(db.Set<RequestRectification>().Local.Where(r => r.RequestId == request.Id).Select(r => r.CategoryId)).Distinct().ToList();
        if (categories.Count > 0)
        {
            request.ResponseLetter = RequestLetters.RectificationNotice(request.Language, HelsinkiTime.DateOf(request.ReceivedAt),
                categories, recipients, request.RequesterName, RequestLetters.From(controller.Value));
        }

        // Art 19: each recipient of the person's data is to be told of the changed categories, saved with the change.
        if (applied.Count > 0)
        {
            await notifications.AddAsync(subjectId, request.Id, NotificationSubject.Rectification,
                db.Set<RequestRectification>().Local.Where(r => r.RequestId == request.Id).Select(r => r.CategoryId), request.Language, ct);
        }

        // The request row itself changes too, so its version guards against two handlers rectifying at once.
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        audit.Add(RequestSteps.Entry("request.rectify", request, named));
        await db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<List<RectificationResponse>> ListAsync(Guid requestId, CancellationToken ct) =>
        (await db.Set<RequestRectification>().AsNoTracking().Where(r => r.RequestId == requestId).ToListAsync(ct))
        .OrderBy(r => r.At).ThenBy(r => r.Id)
        .Select(r => new RectificationResponse(r.At, r.Table, r.RowId, r.Field, r.Before, r.After, r.CategoryId)).ToList();

    public Task<List<NotifyRecipient>> RecipientsAsync(Guid subjectId, string language, CancellationToken ct) =>
        Art19Recipients.ListAsync(db, subjectId, language, ct);

    private sealed record PlannedChange(
        IEntityType Entity, object Key, string RowId, RectifiableField Field, IProperty? Property, RectifiedValue? Value, long? Version);

    private async Task<List<PlannedChange>> PlanAsync(IReadOnlyList<RectifyChange> changes, Guid subjectId, FieldErrors errors, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = SubjectRows.Tables(model, db.GetService<ISqlGenerationHelper>()).ToDictionary(t => t.Table, StringComparer.Ordinal);
        var planned = new List<PlannedChange>();
        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var at = $"changes[{i}]";
            if (change is null)
            {
                errors.Add(at, ChangeRequired);
                continue;
            }

            if (string.IsNullOrWhiteSpace(change.Table) || !tables.TryGetValue(change.Table.Trim(), out var table))
            {
                errors.Add($"{at}.table", NotATable);
                continue;
            }

            var entity = table.Entity;
            var keyProperty = entity.FindPrimaryKey()!.Properties[0];
            object? key = null;
            if (keyProperty.ClrType == typeof(Guid) && Guid.TryParse(change.RowId, out var guid))
            {
                key = guid;
            }
            else
            {
                errors.Add($"{at}.rowId", RowIdRequired);
            }

            var field = Resolve(table, change.Field?.Trim(), out var property);
            if (field is null)
            {
                errors.Add($"{at}.field", NotAColumn.Format(table.Table));
                continue;
            }

            if (RectificationRules.Refusal(field) is { } refused)
            {
                errors.Add($"{at}.field", ColumnRefused.Format(field.Column, refused));
                continue;
            }

            var value = RectificationRules.Parse(field, change.Value, out var invalid);
            if (invalid is not null)
            {
                errors.Add($"{at}.value", invalid);
            }

            if (key is null || invalid is not null)
            {
                continue;
            }

            if (!seen.Add((table.Table, key.ToString()!, field.Column)))
            {
                errors.Add($"{at}.field", ChangedTwice);
                continue;
            }

            if (!await AccessReportBuilder.HoldsAsync(db, table, key, subjectId, ct))
            {
                errors.Add($"{at}.rowId", NoSuchRow.Format(table.Table));
                continue;
            }

            planned.Add(new PlannedChange(entity, key, key.ToString()!, field, property, value, change.Version));
        }

        return planned;
    }

    /// <summary>A column by its catalogue name, or a protected code by its base name (<c>bank_account</c> for the cipher).</summary>
    private static RectifiableField? Resolve(SubjectTable table, string? column, out IProperty? property)
    {
        property = null;
        if (string.IsNullOrEmpty(column))
        {
            return null;
        }

        var properties = table.Entity.GetProperties().ToList();
        property = properties.FirstOrDefault(p => p.GetColumnName() == column);
        if (property is not null)
        {
            return new RectifiableField(table.Table, column, property.ClrType, property.IsNullable, property.GetMaxLength(),
                CategoryOf(property), IsForeignKey: property.IsForeignKey());
        }

        var cipher = properties.FirstOrDefault(p => p.GetColumnName() == column + "_cipher" && p.ClrType == typeof(byte[]));
        return cipher is null
            ? null
            : new RectifiableField(table.Table, column, typeof(string), cipher.IsNullable, null, CategoryOf(cipher), IsProtectedCode: true);
    }

    private static DataCategory? CategoryOf(IProperty property) =>
        property.FindAnnotation(CatalogModelExtensions.CategoryAnnotation)?.Value is string id ? Categories.Get(id) : null;

    private (string? Before, string? After) Apply(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, PlannedChange change)
    {
        if (change.Field.IsProtectedCode)
        {
            // Only the consumer's bank account passes the rules; it is stored exactly as the consumer API stores it.
            var consumer = (Consumer)entry.Entity;
            var before = consumer.BankAccountMasked;
            if (change.Value?.Value is Iban iban)
            {
                if (consumer.BankAccountLookup is { } lookup && lookup.SequenceEqual(BankAccounts.Lookup(codes, iban)))
                {
                    return (before, before);
                }

                BankAccounts.Store(consumer, iban, codes);
            }
            else
            {
                consumer.BankAccountCipher = null;
                consumer.BankAccountLookup = null;
                consumer.BankAccountMasked = null;
            }

            return (before, consumer.BankAccountMasked);
        }

        var property = entry.Property(change.Property!.Name);
        var old = AccessReportBuilder.Format(property.CurrentValue);
        property.CurrentValue = change.Value?.Value;
        return (old, change.Value?.Shown);
    }

    private async Task RefreshSearchAsync(object row, CancellationToken ct)
    {
        switch (row)
        {
            case Consumer c:
                await SearchIndex.ReplaceAsync(db, SearchTarget.Consumer, c.Id, c.SubjectId, SearchIndex.SortKeyOf(c), SearchIndex.TermsOf(c), isNew: false, ct);
                break;
            case ContactPerson c:
                await SearchIndex.ReplaceAsync(db, SearchTarget.ContactPerson, c.Id, c.SubjectId, SearchIndex.SortKeyOf(c), SearchIndex.TermsOf(c), isNew: false, ct);
                break;
            case Organisation o:
                await SearchIndex.ReplaceAsync(db, SearchTarget.Organisation, o.Id, o.SubjectId, SearchIndex.SortKeyOf(o), SearchIndex.TermsOf(o), isNew: false, ct);
                break;
        }
    }

    private void Record(DataSubjectRequest r, string action, string? note) =>
        requests.Record(r, action, note is null ? null : Truncate(note, 1000));

    private static string? Shown(string? value) => value is null ? null : Truncate(value, RectificationRules.MaxShownLength);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
