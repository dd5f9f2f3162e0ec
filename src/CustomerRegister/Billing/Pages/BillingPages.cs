using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Billing.Pages;

/// <summary>What the billing pages share: where a customer's page is, the select lists.</summary>
public static class BillingPages
{
    /// <summary>The TempData key of the one-line notice a page shows after a successful save (post-redirect-get).</summary>
    public const string NoticeKey = "Notice";

    /// <summary>The person's page, or the organisation's when the customer is not a person; null when neither is known.</summary>
    public static string? CustomerHref(Guid? subjectId, Guid? organisationId) =>
        subjectId is { } s ? $"/subjects/{s}" : organisationId is { } o ? $"/organisations/{o}" : null;

    public static IEnumerable<SelectListItem> Options<T>(T? selected = null)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Display.Enum(v), v.ToString(), Equals(v, selected)));
}
