namespace Connectors.AwsSes.Ses;

/// <summary>
/// Where and as whom to call SES: the validated region, endpoint choices and optional keys of
/// one config. Equal settings share signer credentials and endpoint resolution.
/// </summary>
/// <remarks><see cref="ToString"/> leaves the secrets out.</remarks>
internal sealed record SesConnectionSettings(
    string Region,
    string? Endpoint,
    bool UseFipsEndpoint,
    bool UseDualStackEndpoint,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken)
{
    /// <summary>Gets whether keys were configured; otherwise the AWS default credential chain is used.</summary>
    public bool HasKeys => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);

    /// <inheritdoc />
    public override string ToString() =>
        $"SesConnectionSettings {{ Region = {Region}, Endpoint = {Endpoint ?? "(derived)"}, Fips = {UseFipsEndpoint}, DualStack = {UseDualStackEndpoint}, Credentials = {(HasKeys ? "keys" : "default chain")} }}";
}
