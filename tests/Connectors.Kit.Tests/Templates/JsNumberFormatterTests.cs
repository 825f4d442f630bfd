using Connectors.Kit.Templates;

namespace Connectors.Kit.Tests.Templates;

public class JsNumberFormatterTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1d, "1")]
    [InlineData(-1d, "-1")]
    [InlineData(100d, "100")]
    [InlineData(1.5, "1.5")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(123.456, "123.456")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(-1e21, "-1e+21")]
    [InlineData(1.2345e21, "1.2345e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.00001234, "0.00001234")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.234e-7, "1.234e-7")]
    [InlineData(-1.5e-7, "-1.5e-7")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Format_Number_MatchesJavaScriptString(double value, string expected)
    {
        Assert.Equal(expected, JsNumberFormatter.Format(value));
    }

    [Fact]
    public void Format_NegativeZero_IsZeroWithoutSign()
    {
        Assert.Equal("0", JsNumberFormatter.Format(-0d));
    }
}
