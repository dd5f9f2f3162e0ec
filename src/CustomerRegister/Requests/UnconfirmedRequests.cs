using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>
/// Web-form requests whose email was never confirmed within <see cref="RequestOptions.UnconfirmedDays"/> of receipt. Anyone
/// can type anyone's name and address into the public form, so such a request may hold personal data of a person who never
/// asked for anything: it never reaches the staff list or the deadline warnings (<see cref="RequestQueries.Open"/>), its
/// link stops working, and the retention sweep deletes it with its action log and any letter still in the outbox
/// (GDPR Art 5(1)(c) and (e)). The sweep calls <see cref="DeleteExpiredAsync"/>; its preview <see cref="CountExpiredAsync"/>.
/// </summary>
public sealed class UnconfirmedRequests(RegisterDbContext db, IOptions<RequestOptions> options)
{
    public const string Table = "data_subject_requests";

    public const string Rule = "unconfirmed-request";

    /// <summary>The first receipt time whose request is still waiting for confirmation at <paramref name="asOf"/>.</summary>
    public DateTime Oldest(DateTime asOf) => asOf.AddDays(-options.Value.UnconfirmedDays);

    public Task<int> CountExpiredAsync(DateTime asOf, CancellationToken ct) => Expired(asOf).CountAsync(ct);

    /// <summary>Deletes the expired requests, their action logs and their undelivered mail; returns how many requests.</summary>
    public async Task<int> DeleteExpiredAsync(DateTime asOf, CancellationToken ct)
    {
        var ids = Expired(asOf).Select(r => r.Id);
        await db.Set<OutgoingMail>().Where(m => m.RequestId != null && ids.Contains(m.RequestId.Value)).ExecuteDeleteAsync(ct);
        await db.Set<RequestAction>().Where(a => ids.Contains(a.RequestId)).ExecuteDeleteAsync(ct);
        return await Expired(asOf).ExecuteDeleteAsync(ct);
    }

    /// <summary>The sweep's and the preview's line.</summary>
    public DueLine Line(long due) => new(Table, [Categories.RightsRequest.Id], Rule,
        $"{Rule}: a web-form request whose email was not confirmed within {options.Value.UnconfirmedDays} days of receipt "
        + "(Requests:UnconfirmedDays; GDPR Art 5(1)(c), (e))", due, 0);

    private IQueryable<DataSubjectRequest> Expired(DateTime asOf)
    {
        var oldest = Oldest(asOf);
        return db.Set<DataSubjectRequest>()
            .Where(r => r.Channel == RequestChannel.WebForm && r.State == RequestState.Received && r.ReceivedAt < oldest);
    }
}
