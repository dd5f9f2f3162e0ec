using CustomerRegister.Catalog;
using CustomerRegister.Localization;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>A relationship's number, dates, state and source as typed; it is ended from its page (EndRelationship).</summary>
public sealed class RelationshipEditForm : IVersionedForm
{
    public string? CustomerNumber { get; set; }

    public DateOnly? StartDate { get; set; }

    public RelationshipStatus? Status { get; set; }

    /// <summary>Only an ended relationship's end date is corrected here: a relationship is ended with its own action.</summary>
    public DateOnly? EndDate { get; set; }

    public DataSource? Source { get; set; }

    public long? Version { get; set; }

    public RelationshipRequest ToRequest() => new(null, null, CustomerNumber, StartDate, EndDate, Status, Source, Version);

    public static RelationshipEditForm Of(CustomerRelationship r) => new()
    {
        CustomerNumber = r.CustomerNumber,
        StartDate = r.StartDate,
        Status = r.Status,
        EndDate = r.EndDate,
        Source = r.Source,
        Version = r.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.CustomerNumber", CustomerNumber), ("Form.Customer.StartDate", Display.Date(StartDate)),
        ("Form.Customer.Status", Status is { } s ? Display.Enum(s) : null), ("Form.Customer.EndDate", Display.Date(EndDate)),
        ("Field.Source", Source is { } source ? UiText.Get("Source." + source) : null),
    ];
}

/// <summary>A contract's number, title, period and state as typed.</summary>
public sealed class ContractEditForm : IVersionedForm
{
    public string? ContractNumber { get; set; }

    public string? Title { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ContractStatus? Status { get; set; }

    public long? Version { get; set; }

    public ContractRequest ToRequest() => new(ContractNumber, Title, StartDate, EndDate, Status, Version);

    public static ContractEditForm Of(Contract c) => new()
    {
        ContractNumber = c.ContractNumber,
        Title = c.Title,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        Status = c.Status,
        Version = c.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.ContractNumber", ContractNumber), ("Form.Customer.ContractTitle", Title),
        ("Form.Customer.StartDate", Display.Date(StartDate)), ("Form.Customer.EndDate", Display.Date(EndDate)),
        ("Form.Customer.Status", Status is { } s ? Display.Enum(s) : null),
    ];
}

/// <summary>A service's name, order date and contract as typed; its state changes through its events.</summary>
public sealed class ServiceEditForm : IVersionedForm
{
    public string? ServiceName { get; set; }

    public DateOnly? OrderedDate { get; set; }

    public Guid? ContractId { get; set; }

    public long? Version { get; set; }

    /// <summary>The contract's words for the stale comparison ("S-2026-1 Metalliromun vastaanotto"); set by the page.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? ContractName { get; set; }

    public ServiceRequest ToRequest() => new(ServiceName, OrderedDate, ContractId, Version);

    public static ServiceEditForm Of(ServiceResponse s) => new()
    {
        ServiceName = s.ServiceName,
        OrderedDate = s.OrderedDate,
        ContractId = s.ContractId,
        Version = s.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.ServiceName", ServiceName), ("Form.Customer.OrderedDate", Display.Date(OrderedDate)),
        ("Form.Customer.Contract", ContractName ?? UiText.Get("Form.Customer.NoContract")),
    ];
}
