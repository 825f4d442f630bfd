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
}
