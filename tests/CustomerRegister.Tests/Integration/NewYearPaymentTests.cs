using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Vouchers belong to the financial year of their Helsinki date.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class NewYearPaymentTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    [Fact]
    public async Task APaymentAtHalfPastOneOnNewYearsNightInHelsinkiBelongsToTheNewYear()
    {
        var billing = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var consumer = await billing.Client.CreateConsumerAsync(new { firstName = "Uusi", lastName = "Vuosi", source = "Consumer" });
        var year = app.Today.Year;
        var invoice = await billing.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId = consumer.GetProperty("id").GetGuid(),
            invoiceNumber = "NY-" + Guid.NewGuid().ToString("N")[..10],
            issueDate = $"{year - 1}-12-01",
            dueDate = $"{year - 1}-12-15",
            amount = 50m,
            source = "OwnSystems",
        });
        var invoiceId = (await invoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // 1 January 01:30 in Helsinki is still 31 December in UTC.
        var paidAt = new DateTimeOffset(year, 1, 1, 1, 30, 0, TimeSpan.FromHours(2));
        var payment = await billing.Client.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments",
            new { paidAt, amount = 50m, method = "BankTransfer", source = "OwnSystems" });
        Assert.True(payment.IsSuccessStatusCode, await payment.Content.ReadAsStringAsync());
        var id = app.Literal(invoiceId);

        // Financial year = calendar year: the payment's voucher is kept to the end of year + 6.
        app.MoveTo(new DateOnly(year + 6, 12, 31), hour: 23);
        await app.SweepAsync();
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM payments WHERE invoice_id = '{id}'"));

        app.MoveTo(new DateOnly(year + 7, 1, 1), hour: 0);
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM payments WHERE invoice_id = '{id}'"));
    }
}
