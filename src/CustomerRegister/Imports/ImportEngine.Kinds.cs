using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Demo;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Marketing;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Imports;

/// <summary>The rows of each kind of file: consumers, organisations, contact persons.</summary>
public sealed partial class ImportEngine
{
    private async Task<List<ImportRow>> ConsumersAsync(ImportLine[] chunk, DemoBatch rows, CancellationToken ct)
    {
        var parsed = chunk.Select(line =>
        {
            var errors = new FieldErrors();
            return (line.Line, Input: ImportRowRules.Consumer(line, _batch.Source, errors), Errors: errors);
        }).ToList();
        var valid = parsed.Where(p => p.Input is not null).Select(p => p.Input!).ToList();
        var ids = await SearchTargetsAsync(SearchTarget.Consumer, valid.Select(v => v.Email).OfType<string>(), valid.Select(v => v.Phone).OfType<string>(), ct);
        var found = await WithPairsAsync(db.Set<Consumer>().Where(c => ids.Contains(c.Id)), c => c.PostalCode, c => c.LastName,
            valid.Where(v => v.PostalCode is not null).Select(v => (v.PostalCode!, v.LastName)), ct);
        var restricted = await RestrictedAsync(found.Select(c => (Guid?)c.SubjectId), ct);
        // Keys 0 email, 1 phone, 2 name and address.
        var pool = new MatchPool<Consumer>(found, c => c.Email is null ? null : ImportRowRules.EmailTerm(c.Email), c => c.Phone,
            c => c.Street is null || c.PostalCode is null ? null : ImportRowRules.Key(c.FirstName, c.LastName, c.Street, c.PostalCode));
        var created = new Dictionary<Consumer, ImportRow>(ReferenceEqualityComparer.Instance);
        var changed = new HashSet<Consumer>(ReferenceEqualityComparer.Instance);
        var outcomes = new List<ImportRow>(chunk.Length);
        foreach (var (line, input, errors) in parsed)
        {
            if (input is null)
            {
                outcomes.Add(Refused(line, ImportRowRules.Reasons(ImportKind.Consumers, errors)));
                continue;
            }

            var nameKey = input.Street is null || input.PostalCode is null ? null : ImportRowRules.Key(input.FirstName, input.LastName, input.Street, input.PostalCode);
            (Consumer Record, MatchKind By)? match =
                pool.Find(0, input.Email is { } email ? ImportRowRules.EmailTerm(email) : null) is { } byEmail ? (byEmail, MatchKind.Email)
                : pool.Find(1, input.Phone) is { } byPhone ? (byPhone, MatchKind.Phone)
                : pool.Find(2, nameKey) is { } byName ? (byName, MatchKind.NameAndAddress)
                : null;
            if (match is null)
            {
                var subject = Subject.New(SubjectKind.Consumer, _now);
                var consumer = new Consumer { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Source = _batch.Source, CreatedAt = _now, UpdatedAt = _now, Version = 1 };
                input.ApplyTo(consumer);
                rows.Add(subject);
                pool.Add(consumer);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "consumer";
                outcome.RecordId = consumer.Id;
                outcome.SubjectId = subject.Id;
                outcomes.Add(outcome);
                created.Add(consumer, outcome);
                continue;
            }

            var (record, by) = match.Value;
            if (restricted.Contains(record.SubjectId))
            {
                outcomes.Add(Refused(line, [("", ImportRowRules.Restricted)], by));
                continue;
            }

            var result = Outcome(line, RowAction.DuplicateSkipped);
            result.MatchedBy = by;
            result.RecordType = "consumer";
            result.RecordId = record.Id;
            result.SubjectId = record.SubjectId;
            result.Banned = BansOf(record.Email ?? input.Email, record.Phone ?? input.Phone,
                MarketingBans.PostalAddress(record.Street ?? input.Street, record.PostalCode ?? input.PostalCode)).Count > 0;
            if (_batch.Policy != DuplicatePolicy.Skip)
            {
                var policy = _batch.Policy;
                var any = pool.Change(record, () =>
                {
                    var filled = false;
                    filled |= policy == DuplicatePolicy.Update && Fill(policy, record.FirstName, input.FirstName, v => record.FirstName = v!);
                    filled |= policy == DuplicatePolicy.Update && Fill(policy, record.LastName, input.LastName, v => record.LastName = v!);
                    filled |= Fill(policy, record.Street, input.Street, v => record.Street = v);
                    filled |= Fill(policy, record.PostalCode, input.PostalCode, v => record.PostalCode = v);
                    filled |= Fill(policy, record.City, input.City, v => record.City = v);
                    filled |= Fill(policy, record.Phone, input.Phone, v => record.Phone = v);
                    filled |= Fill(policy, record.Email, input.Email, v => record.Email = v);
                    return filled;
                });
                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.ContainsKey(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var (consumer, outcome) in created)
        {
            rows.AddSearchEntries(SearchTarget.Consumer, consumer.Id, consumer.SubjectId, SearchIndex.TermsOf(consumer), SearchIndex.SortKeyOf(consumer));
            rows.Add(consumer);
            rows.Add(audit.Event(new AuditEntry("consumer.create", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", consumer.Id.ToString(),
                Access.SetFields(db.Entry(consumer)))));
            if (ApplyBans(rows, consumer.SubjectId, consumer.Email, consumer.Phone, MarketingBans.PostalAddress(consumer.Street, consumer.PostalCode)))
            {
                outcome.Banned = true;
            }
        }

        db.ChangeTracker.DetectChanges();
        foreach (var consumer in changed)
        {
            var fields = Access.ChangedFields(db.Entry(consumer)).ToList();
            await CustomerEntries.KeepAsync(db, bans, consumer, isNew: false, ct);
            rows.Add(audit.Event(new AuditEntry("consumer.update", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", consumer.Id.ToString(), fields)));
        }

        return outcomes;
    }

    private async Task<List<ImportRow>> OrganisationsAsync(ImportLine[] chunk, DemoBatch rows, CancellationToken ct)
    {
        var parsed = chunk.Select(line =>
        {
            var errors = new FieldErrors();
            return (line.Line, Input: ImportRowRules.Organisation(line, _batch.Source, errors), Errors: errors);
        }).ToList();
        var valid = parsed.Where(p => p.Input is not null).Select(p => p.Input!).ToList();
        var businessIds = valid.Select(v => v.BusinessId).OfType<string>().Distinct().ToList();
        var found = await WithPairsAsync(db.Set<Organisation>().Where(o => o.BusinessId != null && businessIds.Contains(o.BusinessId)), o => o.PostalCode,
            o => o.Name, valid.Where(v => v.PostalCode is not null).Select(v => (v.PostalCode!, v.Name)), ct);
        var restricted = await RestrictedAsync(found.Select(o => o.SubjectId), ct);

        // Keys 0 business ID, 1 name and address, 2 name and address among those without a business ID (a row with one
        // may only be matched by name to an organisation that has none).
        var pool = new MatchPool<Organisation>(found, o => o.BusinessId, o => NameKey(o.Name, o.PostalCode),
            o => o.BusinessId is null ? NameKey(o.Name, o.PostalCode) : null);
        var created = new Dictionary<Organisation, ImportRow>(ReferenceEqualityComparer.Instance);
        var changed = new HashSet<Organisation>(ReferenceEqualityComparer.Instance);
        var outcomes = new List<ImportRow>(chunk.Length);
        foreach (var (line, input, errors) in parsed)
        {
            if (input is null)
            {
                outcomes.Add(Refused(line, ImportRowRules.Reasons(ImportKind.Organisations, errors)));
                continue;
            }

            var nameKey = NameKey(input.Name, input.PostalCode);
            (Organisation Record, MatchKind By)? match =
                pool.Find(0, input.BusinessId) is { } byId ? (byId, MatchKind.BusinessId)
                : pool.Find(input.BusinessId is null ? 1 : 2, nameKey) is { } byName ? (byName, MatchKind.NameAndAddress)
                : null;
            if (match is null)
            {
                var organisation = new Organisation { Id = Guid.CreateVersion7(), Source = _batch.Source, CreatedAt = _now, UpdatedAt = _now, Version = 1 };
                input.ApplyTo(organisation);
                if (organisation.IsSoleTrader)
                {
                    var subject = Subject.New(SubjectKind.SoleTrader, _now);
                    rows.Add(subject);
                    organisation.SubjectId = subject.Id;
                }

                pool.Add(organisation);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "organisation";
                outcome.RecordId = organisation.Id;
                outcome.SubjectId = organisation.SubjectId;
                outcomes.Add(outcome);
                created.Add(organisation, outcome);
                continue;
            }

            var (record, by) = match.Value;
            if (record.SubjectId is { } s && restricted.Contains(s))
            {
                outcomes.Add(Refused(line, [("", ImportRowRules.Restricted)], by));
                continue;
            }

            var result = Outcome(line, RowAction.DuplicateSkipped);
            result.MatchedBy = by;
            result.RecordType = "organisation";
            result.RecordId = record.Id;
            result.SubjectId = record.SubjectId;
            if (_batch.Policy != DuplicatePolicy.Skip)
            {
                var policy = _batch.Policy;
                var any = pool.Change(record, () =>
                {
                    var filled = false;
                    filled |= policy == DuplicatePolicy.Update && Fill(policy, record.Name, input.Name, v => record.Name = v!);
                    filled |= Fill(policy, record.BusinessId, input.BusinessId, v => record.BusinessId = v);
                    filled |= Fill(policy, record.Street, input.Street, v => record.Street = v);
                    filled |= Fill(policy, record.PostalCode, input.PostalCode, v => record.PostalCode = v);
                    filled |= Fill(policy, record.City, input.City, v => record.City = v);
                    if (input.IsSoleTrader && !record.IsSoleTrader)
                    {
                        record.IsSoleTrader = true;
                        filled = true;
                    }

                    return filled;
                });
                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.ContainsKey(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var (organisation, outcome) in created)
        {
            if (organisation.IsSoleTrader && organisation.SubjectId is null)
            {
                var subject = Subject.New(SubjectKind.SoleTrader, _now);
                rows.Add(subject);
                organisation.SubjectId = subject.Id;
                outcome.SubjectId = subject.Id;
            }

            rows.AddSearchEntries(SearchTarget.Organisation, organisation.Id, organisation.SubjectId, SearchIndex.TermsOf(organisation),
                SearchIndex.SortKeyOf(organisation));
            rows.Add(organisation);
            rows.Add(audit.Event(new AuditEntry("organisation.create", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
                organisation.Id.ToString(), Access.SetFields(db.Entry(organisation)))));
            if (organisation.SubjectId is { } subjectId
                && ApplyBans(rows, subjectId, null, null, MarketingBans.PostalAddress(organisation.Street, organisation.PostalCode)))
            {
                outcome.Banned = true;
            }
        }

        db.ChangeTracker.DetectChanges();
        foreach (var organisation in changed)
        {
            BusinessIds.KeepSubject(db, organisation, _now);
            var fields = Access.ChangedFields(db.Entry(organisation)).ToList();
            await CustomerEntries.KeepAsync(db, bans, organisation, isNew: false, ct);
            rows.Add(audit.Event(new AuditEntry("organisation.update", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
                organisation.Id.ToString(), fields)));
        }

        return outcomes;
    }

    private async Task<List<ImportRow>> ContactsAsync(ImportLine[] chunk, DemoBatch rows, CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var parsed = chunk.Select(line =>
        {
            var errors = new FieldErrors();
            return (line.Line, Input: ImportRowRules.Contact(line, _batch.Source, today, errors), Errors: errors);
        }).ToList();
        var valid = parsed.Where(p => p.Input is not null).Select(p => p.Input!.Value).ToList();
        var businessIds = valid.Select(v => v.BusinessId).Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => o.BusinessId != null && businessIds.Contains(o.BusinessId))
            .ToDictionaryAsync(o => o.BusinessId!, o => o.Id, ct);
        var organisationIds = organisations.Values.ToList();
        var ids = await SearchTargetsAsync(SearchTarget.ContactPerson, valid.Select(v => v.Input.Email).OfType<string>(),
            valid.Select(v => v.Input.Phone).OfType<string>(), ct);
        var lastNames = valid.SelectMany(v => SearchText.Spellings(v.Input.LastName)).Distinct().ToList();
        var found = await db.Set<ContactPerson>()
            .Where(c => organisationIds.Contains(c.OrganisationId) && (ids.Contains(c.Id) || lastNames.Contains(c.LastName)))
            .ToListAsync(ct);
        var restricted = await RestrictedAsync(found.Select(c => (Guid?)c.SubjectId), ct);

        // A contact person is matched within their organisation: every key starts with it. Keys 0 email, 1 phone, 2 name.
        var pool = new MatchPool<ContactPerson>(found, c => c.Email is null ? null : $"{c.OrganisationId:N}|{ImportRowRules.EmailTerm(c.Email)}",
            c => c.Phone is null ? null : $"{c.OrganisationId:N}|{c.Phone}", c => $"{c.OrganisationId:N}|{ImportRowRules.Key(c.FirstName, c.LastName)}");
        var created = new Dictionary<ContactPerson, ImportRow>(ReferenceEqualityComparer.Instance);
        var changed = new HashSet<ContactPerson>(ReferenceEqualityComparer.Instance);
        var outcomes = new List<ImportRow>(chunk.Length);
        foreach (var (line, parsedInput, errors) in parsed)
        {
            if (parsedInput is not { } p)
            {
                outcomes.Add(Refused(line, ImportRowRules.Reasons(ImportKind.ContactPersons, errors)));
                continue;
            }

            var (input, businessId) = p;
            if (!organisations.TryGetValue(businessId, out var organisationId))
            {
                outcomes.Add(Refused(line, [("organisation_business_id", ImportRowRules.NoSuchOrganisation)]));
                continue;
            }

            (ContactPerson Record, MatchKind By)? match =
                pool.Find(0, input.Email is { } email ? $"{organisationId:N}|{ImportRowRules.EmailTerm(email)}" : null) is { } byEmail ? (byEmail, MatchKind.Email)
                : pool.Find(1, input.Phone is { } phone ? $"{organisationId:N}|{phone}" : null) is { } byPhone ? (byPhone, MatchKind.Phone)
                : pool.Find(2, $"{organisationId:N}|{ImportRowRules.Key(input.FirstName, input.LastName)}") is { } byName
                    ? (byName, MatchKind.NameAndOrganisation)
                    : null;
            if (match is null)
            {
                var subject = Subject.New(SubjectKind.ContactPerson, _now);
                var contact = new ContactPerson
                {
                    Id = Guid.CreateVersion7(),
                    SubjectId = subject.Id,
                    OrganisationId = organisationId,
                    Source = _batch.Source,
                    CreatedAt = _now,
                    UpdatedAt = _now,
                    Version = 1,
                };
                input.ApplyTo(contact);
                rows.Add(subject);
                pool.Add(contact);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "contact_person";
                outcome.RecordId = contact.Id;
                outcome.SubjectId = subject.Id;
                outcomes.Add(outcome);
                created.Add(contact, outcome);
                continue;
            }

            var (record, by) = match.Value;
            if (restricted.Contains(record.SubjectId))
            {
                outcomes.Add(Refused(line, [("", ImportRowRules.Restricted)], by));
                continue;
            }

            var result = Outcome(line, RowAction.DuplicateSkipped);
            result.MatchedBy = by;
            result.RecordType = "contact_person";
            result.RecordId = record.Id;
            result.SubjectId = record.SubjectId;
            result.Banned = BansOf(record.Email ?? input.Email, record.Phone ?? input.Phone, null).Count > 0;
            if (_batch.Policy != DuplicatePolicy.Skip)
            {
                var policy = _batch.Policy;
                var any = pool.Change(record, () =>
                {
                    var filled = false;
                    filled |= policy == DuplicatePolicy.Update && Fill(policy, record.FirstName, input.FirstName, v => record.FirstName = v!);
                    filled |= policy == DuplicatePolicy.Update && Fill(policy, record.LastName, input.LastName, v => record.LastName = v!);
                    filled |= Fill(policy, record.Title, input.Title, v => record.Title = v);
                    filled |= Fill(policy, record.Position, input.Position, v => record.Position = v);
                    filled |= Fill(policy, record.Phone, input.Phone, v => record.Phone = v);
                    filled |= Fill(policy, record.Email, input.Email, v => record.Email = v);
                    return filled;
                });
                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.ContainsKey(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var (contact, outcome) in created)
        {
            rows.AddSearchEntries(SearchTarget.ContactPerson, contact.Id, contact.SubjectId, SearchIndex.TermsOf(contact), SearchIndex.SortKeyOf(contact));
            rows.Add(contact);
            rows.Add(audit.Event(new AuditEntry("contact.create", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", contact.Id.ToString(),
                Access.SetFields(db.Entry(contact)))));
            if (ApplyBans(rows, contact.SubjectId, contact.Email, contact.Phone, null))
            {
                outcome.Banned = true;
            }
        }

        db.ChangeTracker.DetectChanges();
        foreach (var contact in changed)
        {
            var fields = Access.ChangedFields(db.Entry(contact)).ToList();
            await CustomerEntries.KeepAsync(db, bans, contact, isNew: false, ct);
            rows.Add(audit.Event(new AuditEntry("contact.update", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", contact.Id.ToString(), fields)));
        }

        return outcomes;
    }

    private static string? NameKey(string name, string? postalCode) => postalCode is null ? null : ImportRowRules.Key(name, postalCode);

    /// <summary>
    /// The records <paramref name="matched"/> finds and those with one of the (postal code, name) pairs, the name in each
    /// of its likely spellings (<see cref="SearchText.Spellings"/>): <see cref="ImportRowRules.Key"/> then compares them folded.
    /// </summary>
    private async Task<List<T>> WithPairsAsync<T>(IQueryable<T> matched, System.Linq.Expressions.Expression<Func<T, string?>> postalCode,
        System.Linq.Expressions.Expression<Func<T, string?>> name, IEnumerable<(string PostalCode, string Name)> pairs, CancellationToken ct)
        where T : class
    {
        var found = await matched.ToListAsync(ct);
        var spelled = pairs.SelectMany(p => SearchText.Spellings(p.Name).Select(n => (p.PostalCode, n))).Distinct().ToList();
        if (spelled.Count > 0)
        {
            // Tracked records come back as the same instances, so a record found both ways is kept once.
            found = [.. found.Concat(await PairLookup.WherePairs(db, postalCode, name, spelled).ToListAsync(ct)).Distinct(ReferenceEqualityComparer.Instance).Cast<T>()];
        }

        return found;
    }
}
