namespace Connectors.Kit.Errors;

/// <summary>Converts <see cref="ConnectorErrorCode"/> values to and from Logto's code strings.</summary>
public static class ConnectorErrorCodeExtensions
{
    /// <summary>Gets Logto's code string for <paramref name="code"/>, for example <c>invalid_config</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The snake_case code string.</returns>
    public static string ToWireString(this ConnectorErrorCode code) => code switch
    {
        ConnectorErrorCode.General => "general",
        ConnectorErrorCode.InvalidConfig => "invalid_config",
        ConnectorErrorCode.InvalidConfigGuard => "invalid_config_guard",
        ConnectorErrorCode.InvalidRequestParameters => "invalid_request_parameters",
        ConnectorErrorCode.InsufficientRequestParameters => "insufficient_request_parameters",
        ConnectorErrorCode.InvalidResponse => "invalid_response",
        ConnectorErrorCode.TemplateNotFound => "template_not_found",
        ConnectorErrorCode.RateLimitExceeded => "rate_limit_exceeded",
        ConnectorErrorCode.UsageLimitExceeded => "usage_limit_exceeded",
        ConnectorErrorCode.AuthorizationFailed => "authorization_failed",
        ConnectorErrorCode.NotImplemented => "not_implemented",
        ConnectorErrorCode.NotFound => "not_found",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown connector error code."),
    };
}
