using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>
/// Warns the handler of open requests whose statutory deadline is near or passed: one message per request per
/// Helsinki day, recorded in the request's action log. The message names the request, never the requester.
/// </summary>
public sealed class RequestWarnings(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, IMailSender mail, IOptions<RequestOptions> options,
    IOptions<MailOptions> mailOptions, ILogger<RequestWarnings> logger)
{
    public const string WarningAction = "deadline_warning";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = HelsinkiTime.Today(clock);
        var limit = today.AddDays(options.Value.WarnDaysBefore);
        var dayStart = HelsinkiTime.StartUtc(today);
        var due = await RequestQueries.Open(db).Where(r => r.DueDate <= limit)
            .Where(r => !db.Set<RequestAction>().Any(a => a.RequestId == r.Id && a.Action == WarningAction && a.At >= dayStart))
            .OrderBy(r => r.DueDate).ToListAsync(ct);
        foreach (var request in due)
        {
            var to = await RecipientAsync(request, ct);
            db.Add(new RequestAction
            {
                Id = Guid.CreateVersion7(),
                RequestId = request.Id,
                At = clock.GetUtcNow().UtcDateTime,
                ActorKind = AuditLog.ActorSystem,
                Action = WarningAction,
            });
            audit.Add(RequestSteps.Entry("request.deadline_warning", request));
            await db.SaveChangesAsync(ct);
            if (to is null)
            {
                logger.LogWarning("Request {RequestId} is due {DueDate} but has no handler and Requests:NotifyAddress is not set",
                    request.Id, request.DueDate);
                continue;
            }

            var days = request.DueDate.DayNumber - today.DayNumber;
            var state = days < 0 ? $"OVERDUE by {-days} day(s)" : $"due in {days} day(s)";
            var subject = $"Data-subject request {state}: {request.Type} {request.Id}";
            var body = $"""
                Request {request.Id}
                Type: {request.Type}
                State: {request.State}
                Due date: {request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({state})
                {mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/api/requests/{request.Id}
                """;
            await mail.SendAsync(MailMessages.Text(to, subject, body, "en"), request.Id, "deadline_warning", ct);
        }

        return due.Count;
    }

    private async Task<string?> RecipientAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (request.AssignedTo is { } id && await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct)
            is { Length: > 0 } email)
        {
            return email;
        }

        return string.IsNullOrWhiteSpace(options.Value.NotifyAddress) ? null : options.Value.NotifyAddress;
    }
}

/// <summary>Runs <see cref="RequestWarnings"/> every Requests:WarningIntervalMinutes (0 turns it off).</summary>
public sealed class RequestWarningService(
    IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<RequestWarningService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WarningIntervalMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.WarningIntervalMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RequestWarnings>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Request deadline warnings failed; retrying on the next tick");
            }
        }
    }
}
