using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

public sealed class FailClosedTests
{
    [Fact]
    public void AnEndpointThatDeclaresNoPermissionStopsTheApplicationFromStarting()
    {
        using var app = new UnguardedEndpointFactory();

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("declare no permission", error.Message);
        Assert.Contains("/forgotten", error.Message);
    }

    [Fact]
    public void TheRealApplicationDeclaresAPermissionOnEveryEndpoint()
    {
        using var app = new RegisterFactory();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        Assert.NotEmpty(endpoints);
        Assert.Empty(EndpointPermissionGuard.FindUndeclared(endpoints));
    }

    private sealed class UnguardedEndpointFactory : RegisterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, AddForgottenEndpoint>());
        }
    }

    private sealed class AddForgottenEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(e => e.MapGet("/forgotten", () => "anyone may read this"));
        };
    }
}
