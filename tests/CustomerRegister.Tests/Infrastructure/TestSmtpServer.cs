using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port, keeping what it receives; it can be told to refuse.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private int _disposed;

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder().ServerName("smtp.register.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        Running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public Task Running { get; }

    /// <summary>While true, every message is refused with 554 (transaction failed).</summary>
    public bool Refuse
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>
    /// Stops the server once, and lets it finish before its token goes: a fixture is disposed both asynchronously and
    /// synchronously, and the server still reads the token while it stops.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            Running.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public volatile bool Refuse;

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "refused by the test"));
            }

            Messages.Enqueue(MimeMessage.Load(new MemoryStream(buffer.ToArray())));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
