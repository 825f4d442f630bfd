using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Tests.TestSupport;

namespace Connectors.AwsSes.Tests.Ses;

public class SesConnectionSettingsTests
{
    [Fact]
    public void ToString_WithKeysAndToken_LeavesOutEverySecret()
    {
        var settings = new SesConnectionSettings("us-east-1", null, false, false, TestConfigs.AccessKeyId, TestConfigs.SecretKey, TestConfigs.SessionToken);

        var text = settings.ToString();

        Assert.Equal("SesConnectionSettings { Region = us-east-1, Endpoint = (derived), Fips = False, DualStack = False, Credentials = keys }", text);
        Assert.DoesNotContain(TestConfigs.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestConfigs.SessionToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_DefaultChainAndEndpoint_NamesThem()
    {
        var settings = new SesConnectionSettings("eu-west-1", "http://localhost:4566", true, true, null, null, null);

        Assert.Equal("SesConnectionSettings { Region = eu-west-1, Endpoint = http://localhost:4566, Fips = True, DualStack = True, Credentials = default chain }", settings.ToString());
    }

    [Theory]
    [InlineData("AKIA", "secret", true)]
    [InlineData("AKIA", null, false)]
    [InlineData(null, "secret", false)]
    [InlineData("", "", false)]
    public void HasKeys_KeyIdAndSecret_AreBothNeeded(string? keyId, string? secret, bool expected)
    {
        Assert.Equal(expected, new SesConnectionSettings("us-east-1", null, false, false, keyId, secret, null).HasKeys);
    }

    [Fact]
    public void Equals_SameValues_AreEqual()
    {
        var first = new SesConnectionSettings("us-east-1", null, false, false, "AKIA", "secret", null);
        var second = new SesConnectionSettings("us-east-1", null, false, false, "AKIA", "secret", null);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
