using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerRegister.Bench;

/// <summary>A throw-away PostgreSQL 15 server in a temp folder, listening on loopback only.</summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;

    private PrivatePostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("register-bench-pg-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        Directory.CreateDirectory(Path.Combine(folder, "sock"));
        var port = FreePort();
        var server = new PrivatePostgres(folder, port);
        await RunAsync("chown", "-R", "postgres:postgres", folder);
        await server.AsPostgresAsync("initdb", "-D", Path.Combine(folder, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        // A fresh server creates every WAL segment by first writing 16 MB of zeros (wal_init_zero); a server that has
        // been in service reuses old segments instead. A 1 M seed writes about 5 GB of WAL, so on this throw-away server
        // the zero-filling doubled the WAL writes and cost 12 s (bench README, "Runs n and o"). Off, the fresh server
        // writes its WAL once, like the dev server with recycled segments did.
        await server.AsPostgresAsync("pg_ctl", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -k {Path.Combine(folder, "sock")} -c listen_addresses=127.0.0.1 -c fsync=on -c shared_buffers=4GB -c effective_cache_size=16GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_buffers=64MB -c maintenance_work_mem=1GB -c wal_init_zero=off", "-w", "start");
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // initdb refuses to run as root, so the server runs as the postgres user.
    private Task AsPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args])
            : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await stdout}{await stderr}");
        }
    }
}
