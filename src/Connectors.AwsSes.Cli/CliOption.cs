namespace Connectors.AwsSes.Cli;

/// <summary>An option a verb accepts: <c>--name VALUE</c> (or <c>--name=VALUE</c>), or a flag such as <c>--json</c>.</summary>
/// <param name="Name">The name without the leading dashes.</param>
/// <param name="ValueName">What the value is, for the usage text (e.g. <c>FILE</c>); <see langword="null"/> for a flag.</param>
/// <param name="Required">Whether the verb needs it.</param>
/// <param name="Help">One line for the help text.</param>
internal sealed record CliOption(string Name, string? ValueName, bool Required, string Help)
{
    public static readonly CliOption Config = new("config", "FILE", true, "The connector config JSON file (a Logto config as is, plus extension keys).");
    public static readonly CliOption To = new("to", "ADDRESS", true, "The recipient address.");
    public static readonly CliOption Type = new("type", "TYPE", true, "The usage type: SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification or BindMfa.");
    public static readonly CliOption Code = new("code", "CODE", false, "The verification code ({{ code }}); wins over the payload's \"code\".");
    public static readonly CliOption Payload = new("payload", "JSON", false, "A JSON object of template values, e.g. '{\"link\":\"https://...\"}'.");
    public static readonly CliOption Locale = new("locale", "TAG", false, "The payload locale, e.g. fr-CA ({{ locale }}); wins over the payload's \"locale\".");
    public static readonly CliOption Endpoint = new("endpoint", "URL", false, "The SES endpoint, e.g. http://127.0.0.1:8005; wins over the config's \"endpoint\" and AWS_ENDPOINT_URL(_SESV2).");
    public static readonly CliOption Json = new("json", null, false, "Print exactly one JSON document on stdout, errors included.");

    /// <summary>Gets whether the option takes no value.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>Gets the option as the synopsis shows it, e.g. <c>--config FILE</c> or <c>[--json]</c>.</summary>
    public string Synopsis
    {
        get
        {
            var text = IsFlag ? "--" + Name : "--" + Name + " " + ValueName;
            return Required ? text : "[" + text + "]";
        }
    }
}
