using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto headers are believed (Network:*). With none configured,
/// forwarded headers are ignored and the client address is the connection's own.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public string? Invalid() =>
        KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p.Trim(), out _)) is { } proxy
            ? Settings.Allowed(Section, false, proxy, "IP addresses only", nameof(KnownProxies))
        : KnownNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _)) is { } network
            ? Settings.Allowed(Section, false, network, "networks in CIDR notation only (10.0.0.0/24)", nameof(KnownNetworks))
        : null;
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return services;
    }

    /// <summary>Runs the forwarded-headers middleware before anything reads the client address.</summary>
    private sealed class ForwardedHeadersFirst(IOptions<NetworkOptions> network) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var o = network.Value;
            if (o.Any)
            {
                // Empty lists would make the middleware trust every sender, hence only with proxies configured.
                var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in o.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
                }

                foreach (var net in o.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net.Trim()));
                }

                app.UseForwardedHeaders(forwarded);
            }

            next(app);
        };
    }
}
