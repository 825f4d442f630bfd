using Connectors.Kit.Errors;

namespace Connectors.Kit.Tests.Errors;

public class ConnectorErrorCodeExtensionsTests
{
    public static TheoryData<ConnectorErrorCode, string> WireStrings => new()
    {
        { ConnectorErrorCode.General, "general" },
        { ConnectorErrorCode.InvalidConfig, "invalid_config" },
        { ConnectorErrorCode.InvalidConfigGuard, "invalid_config_guard" },
        { ConnectorErrorCode.InvalidRequestParameters, "invalid_request_parameters" },
        { ConnectorErrorCode.InsufficientRequestParameters, "insufficient_request_parameters" },
        { ConnectorErrorCode.InvalidResponse, "invalid_response" },
        { ConnectorErrorCode.TemplateNotFound, "template_not_found" },
        { ConnectorErrorCode.RateLimitExceeded, "rate_limit_exceeded" },
        { ConnectorErrorCode.UsageLimitExceeded, "usage_limit_exceeded" },
        { ConnectorErrorCode.AuthorizationFailed, "authorization_failed" },
        { ConnectorErrorCode.NotImplemented, "not_implemented" },
        { ConnectorErrorCode.NotFound, "not_found" },
    };

    [Theory]
    [MemberData(nameof(WireStrings))]
    public void ToWireString_Code_ReturnsLogtoString(ConnectorErrorCode code, string expected)
    {
        Assert.Equal(expected, code.ToWireString());
        Assert.Equal(expected, new ConnectorError(code, "m").CodeString);
    }

    [Fact]
    public void ToWireString_EveryEnumValue_HasADistinctString()
    {
        var values = Enum.GetValues<ConnectorErrorCode>();

        var strings = values.Select(v => v.ToWireString()).ToList();

        Assert.Equal(12, values.Length);
        Assert.Equal(values.Length, strings.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToWireString_UndefinedValue_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ((ConnectorErrorCode)99).ToWireString());

        Assert.Equal("code", exception.ParamName);
    }
}
