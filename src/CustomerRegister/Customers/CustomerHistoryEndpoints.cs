using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Customers;

/// <summary>A person's contact history, feedback and the additional information they gave with consent.</summary>
public static class CustomerHistoryEndpoints
{
    public static IEndpointRouteBuilder MapCustomerHistory(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Contact history and feedback").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/subjects/{subjectId:guid}/contact-history", async (
                    Guid subjectId, Guid? after, int? limit, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.HistoryAsync(subjectId, after, limit, ct)).ToOk())
            .WithName("ListContactHistory").WithSummary("Newest first; page with ?after=<last id>.");
        read.MapGet("/contact-history/{id:guid}", async (Guid id, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.HistoryEntryAsync(id, ct)).ToOk(e => e.ToResponse()))
            .WithName("GetContactHistory").WithSummary("One contact with the person.");
        read.MapGet("/subjects/{subjectId:guid}/feedback", async (Guid subjectId, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.FeedbackAsync(subjectId, ct)).ToOk(rows => rows.Select(f => f.ToResponse()).ToList()))
            .WithName("ListFeedback").WithSummary("The person's feedback, newest first.");
        read.MapGet("/feedback/{id:guid}", async (Guid id, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.FeedbackItemAsync(id, ct)).ToOk(f => f.ToResponse()))
            .WithName("GetFeedback").WithSummary("One piece of feedback.");
        read.MapGet("/subjects/{subjectId:guid}/additional-info", async (Guid subjectId, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.AdditionalInfoAsync(subjectId, ct)).ToOk(rows => rows.Select(a => a.ToResponse()).ToList()))
            .WithName("ListAdditionalInfo").WithSummary("The information the person gave with consent, oldest first.");
        read.MapGet("/additional-info/{id:guid}", async (Guid id, CustomerHistoryQueries history, CancellationToken ct) =>
                (await history.AdditionalInfoItemAsync(id, ct)).ToOk(a => a.ToResponse()))
            .WithName("GetAdditionalInfo").WithSummary("One item of additional information.");
        read.MapGet("/contact-history", (Guid? after, int? limit, RecentCustomerWork work, CancellationToken ct) =>
                work.RecentContactsAsync(after, limit, ct).ToOkAsync())
            .WithName("ListRecentContacts").WithSummary("The latest contacts across all customers, newest first (customer service's start page); page with ?after=.");
        read.MapGet("/feedback", (Guid? after, int? limit, RecentCustomerWork work, CancellationToken ct) =>
                work.OpenFeedbackAsync(after, limit, ct).ToOkAsync())
            .WithName("ListOpenFeedback").WithSummary("Feedback not yet handled across all customers, newest first; page with ?after=.");

        var write = app.MapGroup("/api").WithTags("Contact history and feedback").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/subjects/{subjectId:guid}/contact-history", async (
                    Guid subjectId, ContactHistoryRequest request, RecordContactHistory record, CancellationToken ct) =>
                (await record.CreateAsync(subjectId, request, ct)).ToCreated(e => $"/api/contact-history/{e.Id}", e => e.ToResponse()))
            .WithName("CreateContactHistory").WithSummary("The staff member defaults to the caller; the time to now.");
        write.MapPut("/contact-history/{id:guid}", async (Guid id, ContactHistoryRequest request, RecordContactHistory record, CancellationToken ct) =>
                (await record.UpdateAsync(id, request, ct)).ToOk(e => e.ToResponse()))
            .WithName("UpdateContactHistory").WithSummary("Correct a contact; send the version you read.");
        write.MapPost("/subjects/{subjectId:guid}/feedback", async (
                    Guid subjectId, FeedbackRequest request, RecordFeedback record, CancellationToken ct) =>
                (await record.CreateAsync(subjectId, request, ct)).ToCreated(f => $"/api/feedback/{f.Id}", f => f.ToResponse()))
            .WithName("CreateFeedback").WithSummary("Record feedback the person gave; the time defaults to now.");
        write.MapPut("/feedback/{id:guid}", async (Guid id, FeedbackRequest request, RecordFeedback record, CancellationToken ct) =>
                (await record.UpdateAsync(id, request, ct)).ToOk(f => f.ToResponse()))
            .WithName("UpdateFeedback").WithSummary("Correct feedback or mark it handled; send the version you read.");
        write.MapPost("/feedback/{id:guid}/handled", async (Guid id, VersionRequest request, RecordFeedback record, CancellationToken ct) =>
                (await record.MarkHandledAsync(id, request, ct)).ToOk(f => f.ToResponse()))
            .WithName("MarkFeedbackHandled").WithSummary("Mark feedback handled; send the version you read (a stale one answers 409).");
        write.MapPost("/subjects/{subjectId:guid}/additional-info", async (
                    Guid subjectId, AdditionalInfoRequest request, RecordAdditionalInfo record, CancellationToken ct) =>
                (await record.CreateAsync(subjectId, request, ct)).ToCreated(a => $"/api/additional-info/{a.Id}", a => a.ToResponse()))
            .WithName("CreateAdditionalInfo")
            .WithSummary("Information the person gave with consent: state the consent wording (and version) it rests on.");
        write.MapPut("/additional-info/{id:guid}", async (Guid id, AdditionalInfoRequest request, RecordAdditionalInfo record, CancellationToken ct) =>
                (await record.UpdateAsync(id, request, ct)).ToOk(a => a.ToResponse()))
            .WithName("UpdateAdditionalInfo").WithSummary("Correct the information; send the version you read.");
        write.MapPost("/additional-info/{id:guid}/withdraw-consent", async (
                    Guid id, WithdrawConsentRequest request, WithdrawConsent withdraw, CancellationToken ct) =>
                (await withdraw.RunAsync(id, request, ct)).ToNoContent())
            .WithName("WithdrawAdditionalInfoConsent")
            .WithSummary("The person withdrew the consent: the item is deleted, since consent was its only basis.");
        return app;
    }
}
