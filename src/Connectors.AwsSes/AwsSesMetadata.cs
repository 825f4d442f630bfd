using System.Text.Json.Nodes;
using Connectors.Kit.Messages;
using Connectors.Kit.Metadata;

namespace Connectors.AwsSes;

/// <summary>The AWS SES connector's metadata: Logto's, plus the form items of our extension keys.</summary>
public static class AwsSesMetadata
{
    /// <summary>Gets the metadata.</summary>
    public static ConnectorMetadata Value { get; } = Create();

    /// <summary>Gets the default template of each usage type, as the admin console's form starts with them.</summary>
    /// <returns>A new JSON array of <c>{ usageType, subject, content }</c>.</returns>
    public static JsonArray CreateDefaultTemplates()
    {
        var templates = new JsonArray();
        foreach (var type in TemplateTypes.All)
        {
            var (subject, content) = DefaultTemplateText(type);
            templates.Add(new JsonObject
            {
                ["usageType"] = type.ToWireName(),
                ["subject"] = subject,
                ["content"] = content,
            });
        }

        return templates;
    }

    private static (string Subject, string Content) DefaultTemplateText(TemplateType type) => type switch
    {
        TemplateType.SignIn => ("Your sign-in verification code", "<p>Your sign-in verification code is <strong>{{code}}</strong>. The code will remain active for 10 minutes.</p>"),
        TemplateType.Register => ("Your registration verification code", "<p>Your registration verification code is <strong>{{code}}</strong>. The code will remain active for 10 minutes.</p>"),
        TemplateType.ForgotPassword => ("Your password reset code", "<p>Your password reset verification code is <strong>{{code}}</strong>. The code will remain active for 10 minutes.</p>"),
        TemplateType.OrganizationInvitation => ("You are invited to join an organization", "<p>You have been invited to join an organization. <a href=\"{{link}}\">Accept the invitation</a>.</p>"),
        TemplateType.Generic => ("Your verification code", "<p>Your verification code is <strong>{{code}}</strong>. The code will remain active for 10 minutes.</p>"),
        TemplateType.UserPermissionValidation => ("Confirm it is you", "<p>Your verification code is <strong>{{code}}</strong>. Enter it to confirm this action. The code will remain active for 10 minutes.</p>"),
        TemplateType.BindNewIdentifier => ("Verify your new email address", "<p>Your verification code is <strong>{{code}}</strong>. Enter it to link this email address to your account.</p>"),
        TemplateType.MfaVerification => ("Your sign-in verification code", "<p>Your two-step verification code is <strong>{{code}}</strong>. The code will remain active for 10 minutes.</p>"),
        TemplateType.BindMfa => ("Set up two-step verification", "<p>Your verification code is <strong>{{code}}</strong>. Enter it to set up two-step verification.</p>"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown template type."),
    };

    private static ConnectorMetadata Create() => new()
    {
        Id = AwsSesDefaults.ConnectorId,
        Target = AwsSesDefaults.Target,
        Name = new Dictionary<string, string>
        {
            ["en"] = "AWS Direct Mail",
            ["zh-CN"] = "AWS 邮件推送",
            ["ja"] = "AWS ダイレクトメール",
            ["fr"] = "AWS Direct Mail",
            ["de"] = "AWS Direct Mail",
        },
        Description = new Dictionary<string, string>
        {
            ["en"] = "Amazon Simple Email Service (SES) is a cost-effective, flexible and scalable service for sending verification and notification emails.",
            ["zh-CN"] = "Amazon Simple Email Service (SES) 是一种经济高效、灵活且可扩展的电子邮件服务，用于发送验证和通知邮件。",
            ["ja"] = "Amazon Simple Email Service (SES) は、確認メールや通知メールを送信するための、費用対効果が高く柔軟でスケーラブルなサービスです。",
            ["fr"] = "Amazon Simple Email Service (SES) est un service économique, souple et évolutif d'envoi d'e-mails de vérification et de notification.",
            ["de"] = "Amazon Simple Email Service (SES) ist ein kostengünstiger, flexibler und skalierbarer Dienst zum Versand von Bestätigungs- und Benachrichtigungs-E-Mails.",
        },
        Logo = "./logo.svg",
        LogoDark = null,
        Readme = "./README.md",
        FormItems =
        [
            Text("accessKeyId", "Access Key ID", required: false, "AKIAIOSFODNN7EXAMPLE", "Leave empty, with the secret, to use the AWS default credential chain (IAM role, profile, environment)."),
            Text("accessKeySecret", "Access Key Secret", required: false, "<access-key-secret>", null),
            Text("sessionToken", "Session Token", required: false, "<session-token>", "Only for temporary credentials."),
            Text("region", "Region", required: true, "us-east-1", null),
            Text("emailAddress", "Email Address", required: true, "Example <noreply@example.com>", "The sender; must be a verified SES identity."),
            Text("emailAddressIdentityArn", "Email Address Identity ARN", required: false, "arn:aws:ses:us-east-1:123456789012:identity/example.com", null),
            Text("feedbackForwardingEmailAddress", "Feedback Forwarding Email Address", required: false, "bounces@example.com", null),
            Text("feedbackForwardingEmailAddressIdentityArn", "Feedback Forwarding Email Address Identity ARN", required: false, "arn:aws:ses:us-east-1:123456789012:identity/example.com", null),
            Text("configurationSetName", "Configuration Set Name", required: false, "my-configuration-set", null),
            Text("endpoint", "Endpoint", required: false, "https://email.us-east-1.amazonaws.com", "Overrides the endpoint derived from the region, e.g. for a local emulator."),
            new ConnectorFormItem { Key = "useFipsEndpoint", Label = "Use FIPS Endpoint", Type = ConnectorFormItemType.Switch, DefaultValue = false },
            new ConnectorFormItem { Key = "useDualStackEndpoint", Label = "Use Dual-Stack Endpoint", Type = ConnectorFormItemType.Switch, DefaultValue = false },
            new ConnectorFormItem { Key = "sendPlainTextPart", Label = "Send Plain-Text Part", Type = ConnectorFormItemType.Switch, DefaultValue = true },
            new ConnectorFormItem { Key = "tagUsageType", Label = "Tag Emails With Usage Type", Type = ConnectorFormItemType.Switch, DefaultValue = true },
            new ConnectorFormItem { Key = "templates", Label = "Templates", Type = ConnectorFormItemType.Json, Required = true, DefaultValue = CreateDefaultTemplates() },
        ],
    };

    private static ConnectorFormItem Text(string key, string label, bool required, string placeholder, string? tooltip) => new()
    {
        Key = key,
        Label = label,
        Type = ConnectorFormItemType.Text,
        Required = required,
        Placeholder = placeholder,
        Tooltip = tooltip,
    };
}
