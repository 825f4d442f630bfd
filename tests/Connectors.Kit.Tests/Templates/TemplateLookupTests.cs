using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.Kit.Tests.Templates;

public class TemplateLookupTests
{
    private static readonly EmailTemplate SignIn = Template("SignIn");
    private static readonly EmailTemplate Register = Template("Register");
    private static readonly EmailTemplate Generic = Template("Generic");

    [Theory]
    [InlineData(TemplateType.SignIn, "SignIn")]
    [InlineData(TemplateType.Register, "Register")]
    [InlineData(TemplateType.Generic, "Generic")]
    public void Find_TypeWithOwnTemplate_ReturnsIt(TemplateType type, string expectedUsageType)
    {
        var found = TemplateLookup.Find([Generic, SignIn, Register], type);

        Assert.NotNull(found);
        Assert.Equal(expectedUsageType, found.UsageType);
    }

    [Theory]
    [InlineData(TemplateType.ForgotPassword)]
    [InlineData(TemplateType.OrganizationInvitation)]
    [InlineData(TemplateType.UserPermissionValidation)]
    [InlineData(TemplateType.BindNewIdentifier)]
    [InlineData(TemplateType.MfaVerification)]
    [InlineData(TemplateType.BindMfa)]
    public void Find_TypeWithoutOwnTemplate_FallsBackToGeneric(TemplateType type)
    {
        var found = TemplateLookup.Find([SignIn, Generic, Register], type);

        Assert.Same(Generic, found);
    }

    [Fact]
    public void Find_NoOwnTemplateAndNoGeneric_ReturnsNull()
    {
        Assert.Null(TemplateLookup.Find([SignIn, Register], TemplateType.ForgotPassword));
    }

    [Fact]
    public void Find_NullOrEmptyList_ReturnsNull()
    {
        Assert.Null(TemplateLookup.Find(null, TemplateType.SignIn));
        Assert.Null(TemplateLookup.Find([], TemplateType.SignIn));
    }

    [Fact]
    public void Find_NullEntries_AreSkipped()
    {
        Assert.Same(SignIn, TemplateLookup.Find([null!, SignIn], TemplateType.SignIn));
        Assert.Same(Generic, TemplateLookup.Find([null!, Generic], TemplateType.BindMfa));
    }

    [Fact]
    public void Find_TwoTemplatesOfTheType_ReturnsTheFirst()
    {
        var first = Template("SignIn", "first");
        var second = Template("SignIn", "second");

        Assert.Same(first, TemplateLookup.Find([Generic, first, second], TemplateType.SignIn));
    }

    [Fact]
    public void Find_TwoGenericTemplates_FallsBackToTheFirst()
    {
        var first = Template("Generic", "first");
        var second = Template("Generic", "second");

        Assert.Same(first, TemplateLookup.Find([first, second], TemplateType.MfaVerification));
    }

    [Theory]
    [InlineData("signin")]
    [InlineData("SIGNIN")]
    [InlineData(" SignIn")]
    public void Find_UsageTypeInAnotherCase_IsNotAMatch(string usageType)
    {
        var lookalike = Template(usageType);

        Assert.Same(Generic, TemplateLookup.Find([lookalike, Generic], TemplateType.SignIn));
        Assert.Null(TemplateLookup.Find([lookalike], TemplateType.SignIn));
    }

    private static EmailTemplate Template(string usageType, string subject = "subject") =>
        new() { UsageType = usageType, Subject = subject, Content = "<p>{{code}}</p>" };
}
