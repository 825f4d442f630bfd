using Connectors.Kit.Messages;

namespace Connectors.Kit.Tests.Messages;

public class TemplateTypesTests
{
    public static TheoryData<TemplateType, string> WireNames => new()
    {
        { TemplateType.SignIn, "SignIn" },
        { TemplateType.Register, "Register" },
        { TemplateType.ForgotPassword, "ForgotPassword" },
        { TemplateType.OrganizationInvitation, "OrganizationInvitation" },
        { TemplateType.Generic, "Generic" },
        { TemplateType.UserPermissionValidation, "UserPermissionValidation" },
        { TemplateType.BindNewIdentifier, "BindNewIdentifier" },
        { TemplateType.MfaVerification, "MfaVerification" },
        { TemplateType.BindMfa, "BindMfa" },
    };

    [Theory]
    [MemberData(nameof(WireNames))]
    public void ToWireName_Type_ReturnsLogtoName(TemplateType type, string expected)
    {
        Assert.Equal(expected, type.ToWireName());
    }

    [Theory]
    [MemberData(nameof(WireNames))]
    public void TryParse_LogtoName_ReturnsType(TemplateType expected, string name)
    {
        Assert.True(TemplateTypes.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("signin")]
    [InlineData("SIGNIN")]
    [InlineData(" SignIn")]
    [InlineData("SignIn ")]
    [InlineData("Test")]
    [InlineData("0")]
    [InlineData("Continue")]
    public void TryParse_OtherText_ReturnsFalse(string? name)
    {
        Assert.False(TemplateTypes.TryParse(name, out var type));
        Assert.Equal(default, type);
    }

    [Fact]
    public void ToWireName_UndefinedValue_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ((TemplateType)99).ToWireName());

        Assert.Equal("type", exception.ParamName);
    }

    [Fact]
    public void All_ListsEveryTypeOnceInLogtoOrder()
    {
        Assert.Equal(
            ["SignIn", "Register", "ForgotPassword", "OrganizationInvitation", "Generic", "UserPermissionValidation", "BindNewIdentifier", "MfaVerification", "BindMfa"],
            TemplateTypes.All.Select(t => t.ToWireName()));
        Assert.Equal(Enum.GetValues<TemplateType>().Order(), TemplateTypes.All.Order());
    }

    [Fact]
    public void Required_IsRegisterSignInForgotPasswordAndGeneric()
    {
        Assert.Equal(
            [TemplateType.Register, TemplateType.SignIn, TemplateType.ForgotPassword, TemplateType.Generic],
            TemplateTypes.Required);
    }
}
