using CustomerRegister.Identity;

namespace CustomerRegister.Tests.Unit;

public sealed class TwoFactorRulesTests
{
    [Fact]
    public void TheRolesThatNeedASecondFactorComeFromThePermissionTable()
    {
        Assert.Equal(
            new[] { Roles.Administrator, Roles.Billing, Roles.DataProtectionOfficer, Roles.VehicleReception },
            TwoFactorRules.RequiredRoles.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { Permissions.IdentityCodeReveal, Permissions.BankAccountReveal }, TwoFactorRules.RevealPermissions);
        Assert.True(TwoFactorRules.IsRequired([Roles.Marketing, Roles.Billing], forAllRoles: false));
        Assert.False(TwoFactorRules.IsRequired([Roles.Marketing, Roles.CustomerService, Roles.Auditor], forAllRoles: false));
        Assert.True(TwoFactorRules.IsRequired([Roles.Marketing], forAllRoles: true));
    }

    [Fact]
    public void TheKeyIsShownInGroupsOfFourAndCodesAreSixDigits()
    {
        Assert.Equal("ABCD EFGH IJ", TwoFactorRules.FormatKey("ABCDEFGHIJ"));
        Assert.Equal("123456", TwoFactorRules.NormalizeCode(" 123 456 "));
        Assert.Equal("123456", TwoFactorRules.NormalizeCode("123-456"));
        Assert.Null(TwoFactorRules.NormalizeCode("12345"));
        Assert.Null(TwoFactorRules.NormalizeCode("12345a"));
        Assert.Null(TwoFactorRules.NormalizeCode(null));
    }

    [Fact]
    public void RecoveryCodesAreRandomAndTheirHashIgnoresCaseAndDashes()
    {
        var code = TwoFactorRules.NewRecoveryCode();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.NotEqual(code, TwoFactorRules.NewRecoveryCode());
        Assert.Equal(TwoFactorRules.HashRecoveryCode(code), TwoFactorRules.HashRecoveryCode(code.Replace("-", " ").ToLowerInvariant()));
        Assert.Equal(32, TwoFactorRules.HashRecoveryCode(code).Length);
    }
}
