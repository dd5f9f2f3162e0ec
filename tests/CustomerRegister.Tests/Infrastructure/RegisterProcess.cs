using System.Diagnostics;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>The real binary, run as a separate process the way an operator would, on a test database.</summary>
public static class RegisterProcess
{
    /// <summary>Runs the binary with <paramref name="args"/> and extra settings (environment names, <c>Section__Key</c>).</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(
        TestDatabase db, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = db.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CustomerRegister.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__Provider"] = db.Provider.ToString();
        start.Environment["ConnectionStrings__Register"] = db.ConnectionString;
        start.Environment["DataProtection__KeysPath"] = Path.Combine(db.Folder, "keys");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__MasterKey"] = Convert.ToBase64String(new byte[32]);
        start.Environment["Register__Urls"] = "http://127.0.0.1:0";
        start.Environment.Remove("REGISTER_ADMIN_EMAIL");
        start.Environment.Remove("REGISTER_ADMIN_PASSWORD");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
