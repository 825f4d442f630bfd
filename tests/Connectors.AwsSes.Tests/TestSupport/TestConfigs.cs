using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.AwsSes.Configuration;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Tests.TestSupport;

/// <summary>Shared connector configs: one with a template per usage type, one with only the required four.</summary>
internal static class TestConfigs
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefSECRETTOKEN";
    public const string Region = "us-east-1";
    public const string Sender = "Example App <noreply@example.com>";

    /// <summary>Gets a Logto config with a distinct template for each of the nine usage types.</summary>
    public static string AllTemplatesJson { get; } = Build(TemplateTypes.All);

    /// <summary>Gets a Logto config with only Register, SignIn, ForgotPassword and Generic templates.</summary>
    public static string RequiredTemplatesJson { get; } = Build(TemplateTypes.Required);

    /// <summary>Gets the subject template of <paramref name="type"/> in these configs.</summary>
    public static string SubjectOf(TemplateType type) => type.ToWireName() + " code {{ code }}";

    /// <summary>Gets the body template of <paramref name="type"/> in these configs.</summary>
    public static string ContentOf(TemplateType type) => "<p>" + type.ToWireName() + " body: <b>{{code}}</b></p>";

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Gets <see cref="AllTemplatesJson"/> with <paramref name="edit"/> applied.</summary>
    public static JsonElement AllTemplates(Action<JsonObject>? edit = null) => Edit(AllTemplatesJson, edit);

    /// <summary>Gets <see cref="RequiredTemplatesJson"/> with <paramref name="edit"/> applied.</summary>
    public static JsonElement RequiredTemplates(Action<JsonObject>? edit = null) => Edit(RequiredTemplatesJson, edit);

    public static JsonElement Edit(string json, Action<JsonObject>? edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit?.Invoke(root);
        return Parse(root.ToJsonString());
    }

    /// <summary>Gets options equal to <see cref="AllTemplatesJson"/>.</summary>
    public static AwsSesConnectorOptions AllTemplatesOptions(Action<AwsSesConnectorOptions>? edit = null)
    {
        var options = new AwsSesConnectorOptions
        {
            AccessKeyId = AccessKeyId,
            AccessKeySecret = SecretKey,
            Region = Region,
            EmailAddress = Sender,
            Templates = TemplateTypes.All.Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = SubjectOf(t), Content = ContentOf(t) }).ToList(),
        };
        edit?.Invoke(options);
        return options;
    }

    private static string Build(IEnumerable<TemplateType> types)
    {
        var templates = new JsonArray();
        foreach (var type in types)
        {
            templates.Add(new JsonObject
            {
                ["usageType"] = type.ToWireName(),
                ["subject"] = SubjectOf(type),
                ["content"] = ContentOf(type),
            });
        }

        return new JsonObject
        {
            ["accessKeyId"] = AccessKeyId,
            ["accessKeySecret"] = SecretKey,
            ["region"] = Region,
            ["emailAddress"] = Sender,
            ["templates"] = templates,
        }.ToJsonString();
    }

    /// <summary>Fills options with keys, a session token and the four required templates (subjects "{prefix}{Type} {{code}}").</summary>
    public static void FillRequired(AwsSesConnectorOptions options, string subjectPrefix = "")
    {
        options.AccessKeyId = AccessKeyId;
        options.AccessKeySecret = SecretKey;
        options.SessionToken = SessionToken;
        options.Region = "us-east-1";
        options.EmailAddress = "Example <noreply@example.com>";
        options.Templates = TemplateTypes.Required
            .Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = subjectPrefix + t.ToWireName() + " {{code}}", Content = "<p>{{code}}</p>" })
            .ToList();
    }

    /// <summary>Gets the required-templates config as flat configuration keys under <paramref name="prefix"/>.</summary>
    public static Dictionary<string, string?> RequiredAsConfiguration(string prefix, string subjectPrefix = "")
    {
        var values = new Dictionary<string, string?>
        {
            [prefix + ":accessKeyId"] = AccessKeyId,
            [prefix + ":accessKeySecret"] = SecretKey,
            [prefix + ":region"] = "us-east-1",
            [prefix + ":emailAddress"] = "noreply@example.com",
        };
        var index = 0;
        foreach (var type in TemplateTypes.Required)
        {
            values[$"{prefix}:templates:{index}:usageType"] = type.ToWireName();
            values[$"{prefix}:templates:{index}:subject"] = subjectPrefix + type.ToWireName() + " {{code}}";
            values[$"{prefix}:templates:{index}:content"] = "<p>{{code}}</p>";
            index++;
        }

        return values;
    }
}
