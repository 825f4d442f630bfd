namespace Connectors.Kit.Errors;

/// <summary>
/// The error codes of a connector, with the same meaning as Logto's <c>ConnectorErrorCodes</c>.
/// </summary>
/// <remarks>
/// <see cref="ConnectorErrorCodeExtensions.ToWireString(ConnectorErrorCode)"/> gives the code
/// string Logto uses (for example <c>invalid_config</c>); hosts should surface that string.
/// </remarks>
public enum ConnectorErrorCode
{
    /// <summary>An unexpected failure, such as a network or transport failure (<c>general</c>).</summary>
    General,

    /// <summary>The connector configuration is invalid (<c>invalid_config</c>).</summary>
    InvalidConfig,

    /// <summary>The configuration does not have the expected shape (<c>invalid_config_guard</c>).</summary>
    InvalidConfigGuard,

    /// <summary>The request parameters, such as the recipient address, are invalid (<c>invalid_request_parameters</c>).</summary>
    InvalidRequestParameters,

    /// <summary>Required request parameters are missing (<c>insufficient_request_parameters</c>).</summary>
    InsufficientRequestParameters,

    /// <summary>The provider answered with an error or an unexpected response (<c>invalid_response</c>).</summary>
    InvalidResponse,

    /// <summary>No template exists for the usage type (<c>template_not_found</c>).</summary>
    TemplateNotFound,

    /// <summary>The provider throttled the request (<c>rate_limit_exceeded</c>).</summary>
    RateLimitExceeded,

    /// <summary>A provider quota, such as the daily sending quota, is spent (<c>usage_limit_exceeded</c>).</summary>
    UsageLimitExceeded,

    /// <summary>The provider refused the credentials or the permission (<c>authorization_failed</c>).</summary>
    AuthorizationFailed,

    /// <summary>The operation is not implemented by this connector (<c>not_implemented</c>).</summary>
    NotImplemented,

    /// <summary>The requested entity does not exist (<c>not_found</c>).</summary>
    NotFound,
}
