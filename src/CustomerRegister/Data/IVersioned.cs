namespace CustomerRegister.Data;

/// <summary>A row whose Version is bumped and UpdatedAt set on every change (see RegisterDbContext.SaveChangesAsync).</summary>
public interface IVersioned
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }

    long Version { get; set; }
}
