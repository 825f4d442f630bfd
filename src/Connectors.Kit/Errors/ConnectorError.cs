using System.Globalization;

namespace Connectors.Kit.Errors;

/// <summary>
/// The one exception a connector throws: a Logto error <see cref="Code"/>, a message naming what
/// is wrong and, for provider failures, the provider's error type, request id and HTTP status.
/// </summary>
/// <remarks>Messages never contain secrets; connectors guarantee this for every code path.</remarks>
public sealed class ConnectorError : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ConnectorError"/> class.</summary>
    public ConnectorError()
        : this(ConnectorErrorCode.General, "A connector error occurred.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectorError"/> class with the <c>general</c> code.</summary>
    /// <param name="message">The message.</param>
    public ConnectorError(string message)
        : this(ConnectorErrorCode.General, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectorError"/> class with the <c>general</c> code.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorError(string message, Exception? innerException)
        : this(ConnectorErrorCode.General, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectorError"/> class.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">A message naming what is wrong. It must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConnectorError(ConnectorErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Gets the error code.</summary>
    public ConnectorErrorCode Code { get; }

    /// <summary>Gets Logto's string for <see cref="Code"/>, for example <c>invalid_config</c>.</summary>
    public string CodeString => Code.ToWireString();

    /// <summary>Gets the provider's error type (for SES the <c>x-amzn-ErrorType</c>, e.g. <c>MessageRejected</c>), if any.</summary>
    public string? ServiceErrorType { get; init; }

    /// <summary>Gets the provider's request id, if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the HTTP status code of the provider's answer, if one was received.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets how many attempts were made before this error was final; 0 when nothing was sent.</summary>
    public int Attempts { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"ConnectorError ({CodeString}): {Message}");
        if (ServiceErrorType is not null)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" [{ServiceErrorType}]");
        }

        if (RequestId is not null)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (request id {RequestId})");
        }

        return InnerException is null ? text : text + Environment.NewLine + " ---> " + InnerException;
    }
}
