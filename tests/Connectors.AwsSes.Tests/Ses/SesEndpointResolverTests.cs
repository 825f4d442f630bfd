using Connectors.AwsSes.Ses;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Tests.Ses;

public sealed class SesEndpointResolverTests
{
    [Theory]
    [InlineData("us-east-1", false, false, "https://email.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", true, false, "https://email-fips.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", false, true, "https://email.us-east-1.api.aws/")]
    [InlineData("us-east-1", true, true, "https://email-fips.us-east-1.api.aws/")]
    [InlineData("eu-west-1", false, false, "https://email.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", false, false, "https://email.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", false, true, "https://email.cn-northwest-1.api.amazonwebservices.com.cn/")]
    [InlineData("us-gov-west-1", true, false, "https://email-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", false, false, "https://email.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", false, false, "https://email.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("eu-isoe-west-1", false, false, "https://email.eu-isoe-west-1.cloud.adc-e.uk/")]
    [InlineData("us-isof-south-1", false, false, "https://email.us-isof-south-1.csp.hci.ic.gov/")]
    public void Resolve_RegionAndSwitches_PartitionHost(string region, bool fips, bool dualStack, string expected)
    {
        var uri = SesEndpointResolver.Resolve(new SesConnectionSettings(region, null, fips, dualStack, null, null, null), _ => null);

        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void Resolve_Precedence_ConfigThenServiceVariableThenGlobalVariable()
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_SESV2"] = "http://127.0.0.1:2/",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3",
        };
        var settings = new SesConnectionSettings("eu-west-1", "http://127.0.0.1:1/prefix/", false, false, null, null, null);

        Assert.Equal("http://127.0.0.1:1/prefix", SesEndpointResolver.Resolve(settings, variables.GetValueOrDefault).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:2/", SesEndpointResolver.Resolve(settings with { Endpoint = null }, variables.GetValueOrDefault).AbsoluteUri);
        variables.Remove("AWS_ENDPOINT_URL_SESV2");
        Assert.Equal("http://127.0.0.1:3/", SesEndpointResolver.Resolve(settings with { Endpoint = null }, variables.GetValueOrDefault).AbsoluteUri);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void Resolve_BadServiceVariable_InvalidConfigNamingTheVariable(string value)
    {
        var error = Assert.Throws<ConnectorError>(() =>
            SesEndpointResolver.Resolve(new SesConnectionSettings("us-east-1", null, false, false, null, null, null), name => name == "AWS_ENDPOINT_URL_SESV2" ? value : null));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("'AWS_ENDPOINT_URL_SESV2' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.", error.Message);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Resolve_VariableOverrideWithFipsOrDualStack_InvalidConfig(bool fips, bool dualStack)
    {
        var error = Assert.Throws<ConnectorError>(() =>
            SesEndpointResolver.Resolve(new SesConnectionSettings("us-east-1", null, fips, dualStack, null, null, null), name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:4566" : null));

        Assert.Equal("'AWS_ENDPOINT_URL' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.", error.Message);
    }
}
