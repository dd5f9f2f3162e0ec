using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// The test server leaves the client address empty: this sets it from the <see cref="Header"/> request header, or
/// gives a request without one an address of its own, before anything else in the pipeline (forwarded headers, rate
/// limits) reads it.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddFirst(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, TestPeerAddress>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var peer)
                ? IPAddress.Parse(peer.ToString())
                : new IPAddress([100, (byte)Random.Shared.Next(64, 128), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);
            return rest(context);
        });
        next(app);
    };
}
