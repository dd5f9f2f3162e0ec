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
        var postals = valid.Select(v => v.PostalCode).OfType<string>().Distinct().ToList();
        var lastNames = valid.Select(v => v.LastName).Distinct().ToList();
        var pool = await db.Set<Consumer>()
            .Where(c => ids.Contains(c.Id) || (c.PostalCode != null && postals.Contains(c.PostalCode) && lastNames.Contains(c.LastName)))
            .ToListAsync(ct);
        var restricted = await RestrictedAsync(pool.Select(c => (Guid?)c.SubjectId), ct);
        var created = new HashSet<Consumer>(ReferenceEqualityComparer.Instance);
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
                input.Email is { } email && pool.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) is { } byEmail ? (byEmail, MatchKind.Email)
                : input.Phone is { } phone && pool.FirstOrDefault(c => c.Phone == phone) is { } byPhone ? (byPhone, MatchKind.Phone)
                : nameKey is not null && pool.FirstOrDefault(c => c.Street is not null && c.PostalCode is not null
                    && ImportRowRules.Key(c.FirstName, c.LastName, c.Street, c.PostalCode) == nameKey) is { } byName ? (byName, MatchKind.NameAndAddress)
                : null;
            if (match is null)
            {
                var subject = Subject.New(SubjectKind.Consumer, _now);
                var consumer = new Consumer { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Source = _batch.Source, CreatedAt = _now, UpdatedAt = _now, Version = 1 };
                input.ApplyTo(consumer);
                rows.Add(subject);
                pool.Add(consumer);
                created.Add(consumer);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "consumer";
                outcome.RecordId = consumer.Id;
                outcome.SubjectId = subject.Id;
                outcomes.Add(outcome);
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
                var any = false;
                any |= policy == DuplicatePolicy.Update && Fill(policy, record.FirstName, input.FirstName, v => record.FirstName = v!);
                any |= policy == DuplicatePolicy.Update && Fill(policy, record.LastName, input.LastName, v => record.LastName = v!);
                any |= Fill(policy, record.Street, input.Street, v => record.Street = v);
                any |= Fill(policy, record.PostalCode, input.PostalCode, v => record.PostalCode = v);
                any |= Fill(policy, record.City, input.City, v => record.City = v);
                any |= Fill(policy, record.Phone, input.Phone, v => record.Phone = v);
                any |= Fill(policy, record.Email, input.Email, v => record.Email = v);
                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.Contains(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var consumer in created)
        {
            rows.AddSearchEntries(SearchTarget.Consumer, consumer.Id, consumer.SubjectId, SearchIndex.TermsOf(consumer), SearchIndex.SortKeyOf(consumer));
            rows.Add(consumer);
            audit.Add(new AuditEntry("consumer.create", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", consumer.Id.ToString(),
                Access.SetFields(db.Entry(consumer))));
            if (ApplyBans(consumer.SubjectId, consumer.Email, consumer.Phone, MarketingBans.PostalAddress(consumer.Street, consumer.PostalCode)))
            {
                outcomes.First(o => o.RecordId == consumer.Id).Banned = true;
            }
        }

        foreach (var consumer in changed)
        {
            db.ChangeTracker.DetectChanges();
            var fields = Access.ChangedFields(db.Entry(consumer)).ToList();
            await CustomerEntries.KeepAsync(db, bans, consumer, isNew: false, ct);
            audit.Add(new AuditEntry("consumer.update", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", consumer.Id.ToString(), fields));
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
        var postals = valid.Select(v => v.PostalCode).OfType<string>().Distinct().ToList();
        var names = valid.Select(v => v.Name).Distinct().ToList();
        var pool = await db.Set<Organisation>()
            .Where(o => (o.BusinessId != null && businessIds.Contains(o.BusinessId)) || (o.PostalCode != null && postals.Contains(o.PostalCode) && names.Contains(o.Name)))
            .ToListAsync(ct);
        var restricted = await RestrictedAsync(pool.Select(o => o.SubjectId), ct);
        var created = new HashSet<Organisation>(ReferenceEqualityComparer.Instance);
        var changed = new HashSet<Organisation>(ReferenceEqualityComparer.Instance);
        var outcomes = new List<ImportRow>(chunk.Length);
        foreach (var (line, input, errors) in parsed)
        {
            if (input is null)
            {
                outcomes.Add(Refused(line, ImportRowRules.Reasons(ImportKind.Organisations, errors)));
                continue;
            }

            var nameKey = input.PostalCode is null ? null : ImportRowRules.Key(input.Name, input.PostalCode);
            (Organisation Record, MatchKind By)? match =
                input.BusinessId is { } businessId && pool.FirstOrDefault(o => o.BusinessId == businessId) is { } byId ? (byId, MatchKind.BusinessId)
                : nameKey is not null && pool.FirstOrDefault(o => o.PostalCode is not null && ImportRowRules.Key(o.Name, o.PostalCode) == nameKey
                    && (o.BusinessId is null || input.BusinessId is null)) is { } byName ? (byName, MatchKind.NameAndAddress)
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
                created.Add(organisation);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "organisation";
                outcome.RecordId = organisation.Id;
                outcome.SubjectId = organisation.SubjectId;
                outcomes.Add(outcome);
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
                var any = false;
                any |= policy == DuplicatePolicy.Update && Fill(policy, record.Name, input.Name, v => record.Name = v!);
                any |= Fill(policy, record.BusinessId, input.BusinessId, v => record.BusinessId = v);
                any |= Fill(policy, record.Street, input.Street, v => record.Street = v);
                any |= Fill(policy, record.PostalCode, input.PostalCode, v => record.PostalCode = v);
                any |= Fill(policy, record.City, input.City, v => record.City = v);
                if (input.IsSoleTrader && !record.IsSoleTrader)
                {
                    record.IsSoleTrader = true;
                    any = true;
                }

                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.Contains(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var organisation in created)
        {
            if (organisation.IsSoleTrader && organisation.SubjectId is null)
            {
                var subject = Subject.New(SubjectKind.SoleTrader, _now);
                rows.Add(subject);
                organisation.SubjectId = subject.Id;
                outcomes.First(o => o.RecordId == organisation.Id).SubjectId = subject.Id;
            }

            rows.AddSearchEntries(SearchTarget.Organisation, organisation.Id, organisation.SubjectId, SearchIndex.TermsOf(organisation),
                SearchIndex.SortKeyOf(organisation));
            rows.Add(organisation);
            audit.Add(new AuditEntry("organisation.create", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
                organisation.Id.ToString(), Access.SetFields(db.Entry(organisation))));
            if (organisation.SubjectId is { } subjectId
                && ApplyBans(subjectId, null, null, MarketingBans.PostalAddress(organisation.Street, organisation.PostalCode)))
            {
                outcomes.First(o => o.RecordId == organisation.Id).Banned = true;
            }
        }

        foreach (var organisation in changed)
        {
            BusinessIds.KeepSubject(db, organisation, _now);
            db.ChangeTracker.DetectChanges();
            var fields = Access.ChangedFields(db.Entry(organisation)).ToList();
            await CustomerEntries.KeepAsync(db, bans, organisation, isNew: false, ct);
            audit.Add(new AuditEntry("organisation.update", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
                organisation.Id.ToString(), fields));
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
        var lastNames = valid.Select(v => v.Input.LastName).Distinct().ToList();
        var pool = await db.Set<ContactPerson>()
            .Where(c => organisationIds.Contains(c.OrganisationId) && (ids.Contains(c.Id) || lastNames.Contains(c.LastName)))
            .ToListAsync(ct);
        var restricted = await RestrictedAsync(pool.Select(c => (Guid?)c.SubjectId), ct);
        var created = new HashSet<ContactPerson>(ReferenceEqualityComparer.Instance);
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

            var ofOrganisation = pool.Where(c => c.OrganisationId == organisationId).ToList();
            var nameKey = ImportRowRules.Key(input.FirstName, input.LastName);
            (ContactPerson Record, MatchKind By)? match =
                input.Email is { } email && ofOrganisation.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) is { } byEmail ? (byEmail, MatchKind.Email)
                : input.Phone is { } phone && ofOrganisation.FirstOrDefault(c => c.Phone == phone) is { } byPhone ? (byPhone, MatchKind.Phone)
                : ofOrganisation.FirstOrDefault(c => ImportRowRules.Key(c.FirstName, c.LastName) == nameKey) is { } byName
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
                created.Add(contact);
                var outcome = Outcome(line, RowAction.New);
                outcome.RecordType = "contact_person";
                outcome.RecordId = contact.Id;
                outcome.SubjectId = subject.Id;
                outcomes.Add(outcome);
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
                var any = false;
                any |= policy == DuplicatePolicy.Update && Fill(policy, record.FirstName, input.FirstName, v => record.FirstName = v!);
                any |= policy == DuplicatePolicy.Update && Fill(policy, record.LastName, input.LastName, v => record.LastName = v!);
                any |= Fill(policy, record.Title, input.Title, v => record.Title = v);
                any |= Fill(policy, record.Position, input.Position, v => record.Position = v);
                any |= Fill(policy, record.Phone, input.Phone, v => record.Phone = v);
                any |= Fill(policy, record.Email, input.Email, v => record.Email = v);
                result.Action = any ? RowAction.Updated : RowAction.Unchanged;
                if (any && !created.Contains(record))
                {
                    changed.Add(record);
                }
            }

            outcomes.Add(result);
        }

        foreach (var contact in created)
        {
            rows.AddSearchEntries(SearchTarget.ContactPerson, contact.Id, contact.SubjectId, SearchIndex.TermsOf(contact), SearchIndex.SortKeyOf(contact));
            rows.Add(contact);
            audit.Add(new AuditEntry("contact.create", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", contact.Id.ToString(),
                Access.SetFields(db.Entry(contact))));
            if (ApplyBans(contact.SubjectId, contact.Email, contact.Phone, null))
            {
                outcomes.First(o => o.RecordId == contact.Id).Banned = true;
            }
        }

        foreach (var contact in changed)
        {
            db.ChangeTracker.DetectChanges();
            var fields = Access.ChangedFields(db.Entry(contact)).ToList();
            await CustomerEntries.KeepAsync(db, bans, contact, isNew: false, ct);
            audit.Add(new AuditEntry("contact.update", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", contact.Id.ToString(), fields));
        }

        return outcomes;
    }
}
