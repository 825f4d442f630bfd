using System.Globalization;
using System.Text.RegularExpressions;
using Connectors.AwsSes.Addresses;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Configuration;

/// <summary>
/// Checks an <see cref="AwsSesConnectorOptions"/> and gathers every problem, each naming its field,
/// into one <c>invalid_config</c> error.
/// </summary>
internal static partial class AwsSesConfigValidator
{
    /// <summary>The longest subject template accepted (RFC 5322's line limit).</summary>
    public const int MaxSubjectLength = 998;

    /// <summary>The longest body template accepted, in characters; SES's whole message limit is 40 MB.</summary>
    public const int MaxContentLength = 5_000_000;

    /// <summary>Validates <paramref name="options"/>.</summary>
    /// <exception cref="ConnectorError"><c>invalid_config</c> naming every problem.</exception>
    public static void ThrowIfInvalid(AwsSesConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Validate(options, problems);
        if (problems.Count > 0)
        {
            throw ToError(problems);
        }
    }

    /// <summary>Adds a problem to <paramref name="problems"/> for every rule <paramref name="options"/> breaks.</summary>
    public static void Validate(AwsSesConnectorOptions options, List<string> problems)
    {
        ValidateCredentials(options, problems);
        ValidateRegion(options.Region, problems);
        ValidateMailbox("emailAddress", options.EmailAddress, required: true, problems);
        ValidateArn("emailAddressIdentityArn", options.EmailAddressIdentityArn, problems);
        ValidateMailbox("feedbackForwardingEmailAddress", options.FeedbackForwardingEmailAddress, required: false, problems);
        ValidateArn("feedbackForwardingEmailAddressIdentityArn", options.FeedbackForwardingEmailAddressIdentityArn, problems);
        if (options.ConfigurationSetName is { Length: > 0 } setName && !ConfigurationSetNameRegex().IsMatch(setName))
        {
            problems.Add("'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.");
        }

        ValidateEndpoint(options, problems);
        ValidateTemplates(options.Templates, problems);
    }

    /// <summary>Builds the one error reporting <paramref name="problems"/>.</summary>
    public static ConnectorError ToError(IReadOnlyList<string> problems) =>
        new(ConnectorErrorCode.InvalidConfig, problems.Count == 1 ? problems[0] : string.Join(" ", problems));

    /// <summary>Checks an endpoint URL; shared with the environment-variable override.</summary>
    /// <returns>The problem, or <see langword="null"/> when the URL is an absolute http(s) URL.</returns>
    public static string? CheckEndpointUrl(string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{name}' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{name}' must not hold user information, a query or a fragment.");
        }

        return null;
    }

    private static void ValidateCredentials(AwsSesConnectorOptions options, List<string> problems)
    {
        var hasId = !string.IsNullOrEmpty(options.AccessKeyId);
        var hasSecret = !string.IsNullOrEmpty(options.AccessKeySecret);
        if (hasId != hasSecret)
        {
            problems.Add("'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role).");
        }

        if (hasId && HasWhitespaceOrControl(options.AccessKeyId!))
        {
            problems.Add("'accessKeyId' must not contain spaces or line breaks.");
        }

        // The secret itself is never quoted back.
        if (hasSecret && HasWhitespaceOrControl(options.AccessKeySecret!))
        {
            problems.Add("'accessKeySecret' must not contain spaces or line breaks.");
        }

        if (!string.IsNullOrEmpty(options.SessionToken))
        {
            if (!hasId || !hasSecret)
            {
                problems.Add("'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");
            }

            if (HasWhitespaceOrControl(options.SessionToken))
            {
                problems.Add("'sessionToken' must not contain spaces or line breaks.");
            }
        }
    }

    private static void ValidateRegion(string? region, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            problems.Add("'region' is required (e.g. us-east-1).");
        }
        else if (!RegionRegex().IsMatch(region))
        {
            problems.Add("'region' must be an AWS region name such as us-east-1 or eu-west-1.");
        }
    }

    private static void ValidateMailbox(string name, string? value, bool required, List<string> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' is required (e.g. noreply@example.com or Name <noreply@example.com>)."));
            }

            return;
        }

        if (!EmailAddressParser.TryParseMailbox(value, out _, out var problem))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' {problem}."));
        }
    }

    private static void ValidateArn(string name, string? value, List<string> problems)
    {
        // Empty counts as absent, as for every other optional field (a blank form field or environment variable).
        if (!string.IsNullOrEmpty(value) && !SesIdentityArnRegex().IsMatch(value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be an SES identity ARN such as arn:aws:ses:us-east-1:123456789012:identity/example.com."));
        }
    }

    private static void ValidateEndpoint(AwsSesConnectorOptions options, List<string> problems)
    {
        if (string.IsNullOrEmpty(options.Endpoint))
        {
            return;
        }

        if (CheckEndpointUrl("endpoint", options.Endpoint) is { } problem)
        {
            problems.Add(problem);
        }

        if (options.UseFipsEndpoint || options.UseDualStackEndpoint)
        {
            problems.Add("'endpoint' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.");
        }
    }

    private static void ValidateTemplates(IList<EmailTemplate>? templates, List<string> problems)
    {
        if (templates is null)
        {
            problems.Add("'templates' is required: an array of { usageType, subject, content }.");
            return;
        }

        if (templates.Count > AwsSesConfigReader.MaxTemplates)
        {
            // Alone: with more than nine entries most would repeat a usage type, a problem each.
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'templates' has {templates.Count} entries; at most {AwsSesConfigReader.MaxTemplates} are allowed."));
            return;
        }

        var seen = new HashSet<TemplateType>();
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            if (template is null)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"templates[{i}]");
            if (string.IsNullOrEmpty(template.UsageType))
            {
                problems.Add($"'{path}.usageType' is required.");
            }
            else if (!TemplateTypes.TryParse(template.UsageType, out var type))
            {
                problems.Add($"'{path}.usageType' is not a usage type; expected one of {string.Join(", ", TemplateTypes.All.Select(t => t.ToWireName()))}.");
            }
            else if (!seen.Add(type))
            {
                problems.Add($"'{path}.usageType' repeats {template.UsageType}; give each usage type one template.");
            }

            if (string.IsNullOrWhiteSpace(template.Subject))
            {
                problems.Add($"'{path}.subject' is required.");
            }
            else if (template.Subject.Length > MaxSubjectLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{path}.subject' is longer than {MaxSubjectLength} characters."));
            }

            if (string.IsNullOrWhiteSpace(template.Content))
            {
                problems.Add($"'{path}.content' is required.");
            }
            else if (template.Content.Length > MaxContentLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{path}.content' is longer than {MaxContentLength} characters."));
            }
        }

        var missing = new List<string>();
        foreach (var required in TemplateTypes.Required)
        {
            if (!templates.Any(t => t is not null && string.Equals(t.UsageType, required.ToWireName(), StringComparison.Ordinal)))
            {
                missing.Add(required.ToWireName());
            }
        }

        if (missing.Count > 0)
        {
            // Logto's exact wording, which admins and Logto's console already know.
            problems.Add($"Template with UsageType ({string.Join(", ", missing)}) should be provided!");
        }
    }

    private static bool HasWhitespaceOrControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // Two to four letters first: eusc-de-east-1 (AWS European Sovereign Cloud) is a region too.
    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionRegex();

    [GeneratedRegex("^arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/[^\\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SesIdentityArnRegex();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationSetNameRegex();
}
