using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

public sealed record MarketingPicture(
    ConsentLedgerResponse Consents,
    IReadOnlyList<SurveyAnswerResponse> SurveyResponses,
    IReadOnlyList<InvitationResponse> EventInvitations,
    IReadOnlyList<WebEventResponse> LatestWebEvents,
    int WebEventCount);

/// <summary>The person's marketing ledger with its derived state, survey answers, event invitations and web events.</summary>
public sealed class MarketingSection(IOptions<MarketingOptions> options, TimeProvider clock) : ISubjectSection
{
    public const int LatestWebEvents = 50;

    public string Name => "marketing";

    public string ReadPermission => Permissions.MarketingRead;

    public IReadOnlyList<DataCategory> Categories { get; } =
        [Catalog.Categories.MarketingPermission, Catalog.Categories.Survey, Catalog.Categories.MarketingEvent, Catalog.Categories.WebBehaviour];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var kind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return null;
        }

        var ledger = await MarketingLedger.EntriesAsync(db, subjectId, ct);
        var surveys = await Surveys.LoadAsync(db, subjectId, ct);
        var invitations = await MarketingEvents.LoadAsync(db, subjectId, ct);
        var webCount = await db.Set<WebEvent>().CountAsync(e => e.SubjectId == subjectId, ct);
        if (ledger.Count == 0 && surveys.Count == 0 && invitations.Count == 0 && webCount == 0)
        {
            return null;
        }

        return new MarketingPicture(await MarketingLedger.ResponseAsync(db, subjectId, kind.Value, ledger, options.Value.Terms(clock), ct), surveys, invitations,
            await WebEvents.LatestAsync(db, subjectId, LatestWebEvents, ct), webCount);
    }
}
