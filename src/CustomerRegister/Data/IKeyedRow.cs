namespace CustomerRegister.Data;

/// <summary>A row keyed by a Guid: what a list keyset-paged by id (<see cref="Infrastructure.Paging.ByIdAsync{T, TResult}"/>) needs.</summary>
public interface IKeyedRow
{
    Guid Id { get; }
}
