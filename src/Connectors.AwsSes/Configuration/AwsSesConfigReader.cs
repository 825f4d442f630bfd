using System.Globalization;
using System.Text.Json;
using Connectors.Kit.Errors;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Configuration;

/// <summary>
/// Reads a Logto-style config JSON into <see cref="AwsSesConnectorOptions"/>, collecting every
/// wrongly typed field instead of stopping at the first, then validates the result.
/// </summary>
/// <remarks>
/// Keys are camelCase and matched exactly, as Logto's zod guard does; unknown keys are ignored; a
/// <c>null</c> optional value counts as absent.
/// </remarks>
internal static class AwsSesConfigReader
{
    /// <summary>The most templates a config may hold; more is a mistake, not a use case.</summary>
    public const int MaxTemplates = 100;

    /// <summary>Reads and validates <paramref name="json"/>.</summary>
    /// <exception cref="ConnectorError"><c>invalid_config</c> naming every problem.</exception>
    public static AwsSesConnectorOptions Read(JsonElement json)
    {
        var problems = new List<string>();
        var options = ReadUnvalidated(json, problems);
        if (options is not null)
        {
            var typeProblems = problems.Count;
            AwsSesConfigValidator.Validate(options, problems);
            DropFollowOnProblems(problems, typeProblems);
        }

        if (problems.Count > 0)
        {
            throw AwsSesConfigValidator.ToError(problems);
        }

        return options!;
    }

    /// <summary>Reads <paramref name="json"/>, adding a problem per wrongly typed field.</summary>
    /// <returns>The options, or <see langword="null"/> when the JSON is not an object.</returns>
    internal static AwsSesConnectorOptions? ReadUnvalidated(JsonElement json, List<string> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The config must be a JSON object, not {Describe(json.ValueKind)}."));
            return null;
        }

        var options = new AwsSesConnectorOptions();
        foreach (var property in json.EnumerateObject())
        {
            // A key holding an escaped unpaired surrogate ("\ud800") is not text, so not a known key: ignored like any unknown key.
            if (!JsonStrings.TryGetName(property, out var name))
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "accessKeyId": options.AccessKeyId = ReadString(name, value, problems); break;
                case "accessKeySecret": options.AccessKeySecret = ReadString(name, value, problems); break;
                case "sessionToken": options.SessionToken = ReadString(name, value, problems); break;
                case "region": options.Region = ReadString(name, value, problems); break;
                case "emailAddress": options.EmailAddress = ReadString(name, value, problems); break;
                case "emailAddressIdentityArn": options.EmailAddressIdentityArn = ReadString(name, value, problems); break;
                case "feedbackForwardingEmailAddress": options.FeedbackForwardingEmailAddress = ReadString(name, value, problems); break;
                case "feedbackForwardingEmailAddressIdentityArn": options.FeedbackForwardingEmailAddressIdentityArn = ReadString(name, value, problems); break;
                case "configurationSetName": options.ConfigurationSetName = ReadString(name, value, problems); break;
                case "endpoint": options.Endpoint = ReadString(name, value, problems); break;
                case "useFipsEndpoint": options.UseFipsEndpoint = ReadBoolean(name, value, false, problems); break;
                case "useDualStackEndpoint": options.UseDualStackEndpoint = ReadBoolean(name, value, false, problems); break;
                case "sendPlainTextPart": options.SendPlainTextPart = ReadBoolean(name, value, true, problems); break;
                case "tagUsageType": options.TagUsageType = ReadBoolean(name, value, true, problems); break;
                case "templates": options.Templates = ReadTemplates(value, problems); break;
                default: break; // Unknown keys are ignored, as in Logto.
            }
        }

        return options;
    }

    // A field of the wrong type was read as absent; "'region' is required" after "'region' must
    // be a string" would only repeat it, and so would Logto's missing-templates message after
    // "'templates' must be an array".
    private static void DropFollowOnProblems(List<string> problems, int typeProblems)
    {
        var wrongFields = new List<string>();
        for (var i = 0; i < typeProblems; i++)
        {
            var problem = problems[i];
            if (problem.StartsWith('\''))
            {
                wrongFields.Add(problem[..(problem.IndexOf('\'', 1) + 1)]);
            }
        }

        var templatesWrong = wrongFields.Contains("'templates'");
        for (var i = problems.Count - 1; i >= typeProblems; i--)
        {
            var problem = problems[i];
            if (wrongFields.Exists(field => problem.StartsWith(field + " is required", StringComparison.Ordinal))
                || (templatesWrong && problem.StartsWith("Template with UsageType", StringComparison.Ordinal)))
            {
                problems.RemoveAt(i);
            }
        }
    }

    private static string? ReadString(string name, JsonElement value, List<string> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Valid JSON ("\ud800") that .NET cannot decode: say so rather than guess.
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not valid text: it holds an escaped unpaired UTF-16 surrogate (\\uD800 to \\uDFFF)."));
                    return null;
                }

            case JsonValueKind.Null:
                return null;
            default:
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a string, not {Describe(value.ValueKind)}."));
                return null;
        }
    }

    private static bool ReadBoolean(string name, JsonElement value, bool defaultValue, List<string> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Null: return defaultValue;
            default:
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be true or false, not {Describe(value.ValueKind)}."));
                return defaultValue;
        }
    }

    private static List<EmailTemplate>? ReadTemplates(JsonElement value, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'templates' must be an array, not {Describe(value.ValueKind)}."));
            return [];
        }

        var count = value.GetArrayLength();
        if (count > MaxTemplates)
        {
            // Not read: the validator reports the count alone (a problem per entry would bury it).
            return [.. new EmailTemplate[count]];
        }

        var templates = new List<EmailTemplate>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"templates[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                templates.Add(null!); // Keeps later indexes equal to the JSON's; the validator skips it.
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{path}' must be an object with 'usageType', 'subject' and 'content', not {Describe(item.ValueKind)}."));
            }
            else
            {
                var template = new EmailTemplate();
                foreach (var field in item.EnumerateObject())
                {
                    JsonStrings.TryGetName(field, out var fieldName);
                    switch (fieldName)
                    {
                        case "usageType": template.UsageType = ReadString(path + ".usageType", field.Value, problems); break;
                        case "subject": template.Subject = ReadString(path + ".subject", field.Value, problems); break;
                        case "content": template.Content = ReadString(path + ".content", field.Value, problems); break;
                        default: break;
                    }
                }

                templates.Add(template);
            }

            index++;
        }

        return templates;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
