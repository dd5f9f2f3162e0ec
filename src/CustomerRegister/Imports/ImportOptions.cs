namespace CustomerRegister.Imports;

/// <summary>Settings of the imports (<c>Imports:</c> in the configuration).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where an uploaded file waits between its dry run and the import (deleted after it); the server's temp folder by default.</summary>
    public string? Folder { get; set; }

    /// <summary>The most a request may carry to the upload (page and API): the largest <see cref="MaxFileBytes"/> can be.</summary>
    public const long UploadLimitBytes = 64L << 20;

    /// <summary>The largest file accepted (default and at most 64 MiB: about 500 000 rows of consumers).</summary>
    public long MaxFileBytes { get; set; } = UploadLimitBytes;

    /// <summary>The most rows one file may hold.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Rows validated, matched and written together: memory stays flat whatever the file's size.</summary>
    public int ChunkSize { get; set; } = 1000;

    /// <summary>Days a checked file waits on the server for confirmation before it is deleted and its batch discarded.</summary>
    public int UnconfirmedKeepDays { get; set; } = 14;

    public string FolderPath => string.IsNullOrWhiteSpace(Folder) ? Path.Combine(Path.GetTempPath(), "customer-register-imports") : Folder;
}
