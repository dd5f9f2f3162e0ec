using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// A scripted IMAP4rev1 server on 127.0.0.1 holding its mailboxes in memory, with just the commands the register's
/// mailbox poller (through the real MailKit client) uses: CAPABILITY, LOGIN, LIST, SELECT/EXAMINE, UID SEARCH,
/// UID FETCH, UID STORE, UID MOVE (and the plain SEARCH UID + MOVE MailKit sends for one message), NOOP, LOGOUT. Anything else is answered BAD and recorded.
/// </summary>
public sealed partial class FakeImapServer : IDisposable
{
    private const string Capabilities = "IMAP4rev1 MOVE";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, List<StoredMessage>> _folders = new(StringComparer.Ordinal) { ["INBOX"] = [] };
    private readonly object _gate = new();
    private readonly List<(uint Uid, string Folder, TaskCompletionSource Arrived)> _waiters = [];
    private int _nextUid = 1;
    private int _connections;

    public FakeImapServer(string userName, string password)
    {
        UserName = userName;
        Password = password;
        _listener.Start();
        _ = AcceptAsync();
    }

    public string UserName { get; }

    public string Password { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Commands the server did not understand: a test that sees any knows the fake needs more.</summary>
    public ConcurrentQueue<string> Unknown { get; } = new();

    public void AddFolder(string name)
    {
        lock (_gate)
        {
            _folders.TryAdd(name, []);
        }
    }

    /// <summary>Delivers a message into a folder (INBOX by default); returns its UID.</summary>
    public uint Deliver(string raw, string folder = "INBOX") => Deliver(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")), folder);

    public uint Deliver(byte[] raw, string folder = "INBOX")
    {
        lock (_gate)
        {
            var uid = (uint)_nextUid++;
            _folders[folder].Add(new StoredMessage(uid, raw));
            return uid;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var folder in _folders.Values)
            {
                folder.Clear();
            }
        }
    }

    public bool IsSeen(uint uid) => FlagsOf(uid).Contains(@"\Seen");

    public string? FolderOf(uint uid)
    {
        lock (_gate)
        {
            return _folders.FirstOrDefault(f => f.Value.Any(m => m.Uid == uid)).Key;
        }
    }

    /// <summary>Completes once the message is in <paramref name="folder"/>: a signal to await instead of polling on the clock.</summary>
    public Task InFolderAsync(uint uid, string folder)
    {
        lock (_gate)
        {
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((uid, folder, arrived));
            Arrive();
            return arrived.Task;
        }
    }

    /// <summary>Completes the waiters whose message has reached its folder (under the lock).</summary>
    private void Arrive()
    {
        foreach (var waiter in _waiters.Where(w => _folders.TryGetValue(w.Folder, out var f) && f.Any(m => m.Uid == w.Uid)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Arrived.TrySetResult();
        }
    }

    public IReadOnlySet<string> FlagsOf(uint uid)
    {
        lock (_gate)
        {
            return _folders.Values.SelectMany(f => f).First(m => m.Uid == uid).Flags.ToHashSet();
        }
    }

    /// <summary>Drops every \Seen flag, as if the poller had crashed after saving the requests but before flagging.</summary>
    public void ForgetSeenFlags()
    {
        lock (_gate)
        {
            foreach (var message in _folders.Values.SelectMany(f => f))
            {
                message.Flags.Remove(@"\Seen");
            }
        }
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var session = new Session(stream);
            try
            {
                await session.WriteAsync($"* OK [CAPABILITY {Capabilities}] Fake IMAP ready\r\n");
                while (await ReadCommandAsync(session) is { } line)
                {
                    var more = await HandleAsync(session, line);
                    await session.FlushPendingAsync();
                    if (!more)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
            }
        }
    }

    private sealed class StoredMessage(uint uid, byte[] raw)
    {
        public uint Uid { get; } = uid;

        public byte[] Raw { get; } = raw;

        public HashSet<string> Flags { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class Session(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public bool LoggedIn { get; set; }

        public string? Folder { get; set; }

        /// <summary>Replies built under the lock, written after it.</summary>
        public List<string> Pending { get; } = [];

        public async Task WriteAsync(string text)
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(text));
            await stream.FlushAsync();
        }

        public async Task FlushPendingAsync()
        {
            foreach (var text in Pending)
            {
                await WriteAsync(text);
            }

            Pending.Clear();
        }

        public async Task<string?> ReadLineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    return null;
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
                }

                line.Add(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count)
        {
            var bytes = new byte[count];
            for (var i = 0; i < count; i++)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new IOException("Connection closed inside a literal.");
                }

                bytes[i] = _buffer[_start++];
            }

            return bytes;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}
