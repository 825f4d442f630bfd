using Connectors.Kit.Errors;

namespace Connectors.Kit.Tests.Errors;

public class ConnectorErrorTests
{
    [Fact]
    public void Constructor_Default_IsGeneral()
    {
        var error = new ConnectorError();

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal("general", error.CodeString);
        Assert.Equal("A connector error occurred.", error.Message);
        Assert.Equal(0, error.Attempts);
        Assert.Null(error.ServiceErrorType);
        Assert.Null(error.RequestId);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public void Constructor_MessageOnly_IsGeneralWithMessage()
    {
        var inner = new InvalidOperationException("inner");

        var error = new ConnectorError("outer", inner);

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal("outer", error.Message);
        Assert.Same(inner, error.InnerException);
        Assert.Equal(ConnectorErrorCode.General, new ConnectorError("m").Code);
    }

    [Fact]
    public void ToString_CodeAndMessage_IsCompact()
    {
        var error = new ConnectorError(ConnectorErrorCode.InvalidConfig, "'region' is required (e.g. us-east-1).");

        Assert.Equal("ConnectorError (invalid_config): 'region' is required (e.g. us-east-1).", error.ToString());
    }

    [Fact]
    public void ToString_ServiceDetails_AreAppended()
    {
        var error = new ConnectorError(ConnectorErrorCode.InvalidResponse, "Email address is not verified.")
        {
            ServiceErrorType = "MessageRejected",
            RequestId = "a1b2c3",
            StatusCode = 400,
            Attempts = 1,
        };

        Assert.Equal("ConnectorError (invalid_response): Email address is not verified. [MessageRejected] (request id a1b2c3)", error.ToString());
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public void ToString_InnerException_IsAppendedOnANewLine()
    {
        var inner = new TimeoutException("timed out");
        var error = new ConnectorError(ConnectorErrorCode.General, "SES could not be reached.", inner);

        Assert.Equal("ConnectorError (general): SES could not be reached." + Environment.NewLine + " ---> " + inner, error.ToString());
    }
}
