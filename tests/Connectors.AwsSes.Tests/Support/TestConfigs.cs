using Connectors.AwsSes.Configuration;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Tests.Support;

/// <summary>Configs shared by the DI, health and telemetry tests.</summary>
internal static class TestConfigs
{
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "SESSION-TOKEN-THAT-MUST-NOT-LEAK";

    public static void Fill(AwsSesConnectorOptions options, string subjectPrefix = "")
    {
        options.AccessKeyId = "AKIDEXAMPLE";
        options.AccessKeySecret = Secret;
        options.SessionToken = SessionToken;
        options.Region = "us-east-1";
        options.EmailAddress = "Example <noreply@example.com>";
        options.Templates = TemplateTypes.Required
            .Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = subjectPrefix + t.ToWireName() + " {{code}}", Content = "<p>{{code}}</p>" })
            .ToList();
    }

    public static Dictionary<string, string?> AsConfiguration(string prefix, string subjectPrefix = "")
    {
        var values = new Dictionary<string, string?>
        {
            [prefix + ":accessKeyId"] = "AKIDEXAMPLE",
            [prefix + ":accessKeySecret"] = Secret,
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
