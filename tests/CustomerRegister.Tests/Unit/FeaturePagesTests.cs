using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CustomerRegister.Tests.Unit;

public sealed class FeaturePagesTests
{
    [Fact]
    public void APageAnswersAtItsPathAfterItsPagesFolder()
    {
        var login = Model("/Identity/Pages/Account/Login", "Identity/Pages/Account/Login");
        new FeaturePages().Apply(login);
        Assert.Equal(["Account/Login"], Templates(login));
    }

    [Fact]
    public void TheHomePageAnswersTheRootAndIndex()
    {
        var index = Model("/Pages/Index", "Pages/Index", "Pages");
        new FeaturePages().Apply(index);
        Assert.Equal(["Index", ""], Templates(index));
    }

    [Fact]
    public void RouteParametersStayAndAbsoluteRoutesAreLeftAlone()
    {
        var conventions = new FeaturePages();
        var details = Model("/Customers/Pages/Organisations/Details", "Customers/Pages/Organisations/Details/{id:guid}");
        var search = Model("/Customers/Pages/Customers/Search", "search");
        conventions.Apply(details);
        conventions.Apply(search);
        Assert.Equal(["Organisations/Details/{id:guid}"], Templates(details));
        Assert.Equal(["search"], Templates(search));
    }

    [Fact]
    public void APageOutsideAPagesFolderStopsTheStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new FeaturePages().Apply(Model("/Identity/Account/Login", "Identity/Account/Login")));
        Assert.Contains("/Identity/Account/Login.cshtml", error.Message);
    }

    [Fact]
    public void TwoPagesOnOneRouteStopTheStart()
    {
        var conventions = new FeaturePages();
        conventions.Apply(Model("/Identity/Pages/Account/Login", "Identity/Pages/Account/Login"));
        var error = Assert.Throws<InvalidOperationException>(() => conventions.Apply(Model("/Customers/Pages/Account/Login", "Customers/Pages/Account/Login")));
        Assert.Contains("/Account/Login", error.Message);
    }

    [Fact]
    public void ApplyingAgainToTheSamePageIsNoConflict()
    {
        var conventions = new FeaturePages();
        conventions.Apply(Model("/Requests/Pages/Rights", "Requests/Pages/Rights"));
        var again = Model("/Requests/Pages/Rights", "Requests/Pages/Rights");
        conventions.Apply(again);
        Assert.Equal(["Rights"], Templates(again));
    }

    private static PageRouteModel Model(string viewEnginePath, params string[] templates)
    {
        var model = new PageRouteModel(viewEnginePath + ".cshtml", viewEnginePath);
        foreach (var template in templates)
        {
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } });
        }

        return model;
    }

    private static string[] Templates(PageRouteModel model) => [.. model.Selectors.Select(s => s.AttributeRouteModel!.Template!)];
}
