using Connectors.AwsSes.Addresses;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Sending;

/// <summary>
/// A validated config with everything a send needs already parsed: the sender, the feedback
/// address, the SES connection settings and every template. Built once per config, not per email.
/// </summary>
internal sealed class PreparedConfig
{
    private readonly PreparedTemplate?[] _templates;

    private PreparedConfig(AwsSesConnectorOptions options, MailboxAddress sender, string? feedback, SesConnectionSettings connection, PreparedTemplate?[] templates)
    {
        Options = options;
        Sender = sender;
        SenderHeader = sender.ToHeaderValue();
        FeedbackForwardingAddress = feedback;
        Connection = connection;
        _templates = templates;
    }

    public AwsSesConnectorOptions Options { get; }

    public MailboxAddress Sender { get; }

    /// <summary>Gets <see cref="Sender"/> as the <c>FromEmailAddress</c> value, encoded once.</summary>
    public string SenderHeader { get; }

    public string? FeedbackForwardingAddress { get; }

    public SesConnectionSettings Connection { get; }

    /// <summary>Validates and prepares options.</summary>
    /// <exception cref="Kit.Errors.ConnectorError"><c>invalid_config</c> naming every problem.</exception>
    public static PreparedConfig Create(AwsSesConnectorOptions options)
    {
        AwsSesConfigValidator.ThrowIfInvalid(options);
        return FromValidated(options);
    }

    /// <summary>Prepares options that have just been validated, such as those <see cref="AwsSesConfigReader.Read"/> returns.</summary>
    public static PreparedConfig FromValidated(AwsSesConnectorOptions options)
    {
        EmailAddressParser.TryParseMailbox(options.EmailAddress, out var sender, out _);
        string? feedback = null;
        if (!string.IsNullOrEmpty(options.FeedbackForwardingEmailAddress)
            && EmailAddressParser.TryParseMailbox(options.FeedbackForwardingEmailAddress, out var feedbackMailbox, out _))
        {
            feedback = feedbackMailbox.Address;
        }

        var configured = options.Templates?.ToList();
        var templates = new PreparedTemplate?[TemplateTypes.All.Count];
        foreach (var type in TemplateTypes.All)
        {
            // Logto's lookup (the type's own template, else Generic), resolved once.
            if (TemplateLookup.Find(configured, type) is { } template)
            {
                templates[(int)type] = TemplateCache.Shared.GetOrAdd(template);
            }
        }

        var connection = new SesConnectionSettings(
            options.Region!,
            string.IsNullOrEmpty(options.Endpoint) ? null : options.Endpoint,
            options.UseFipsEndpoint,
            options.UseDualStackEndpoint,
            string.IsNullOrEmpty(options.AccessKeyId) ? null : options.AccessKeyId,
            string.IsNullOrEmpty(options.AccessKeySecret) ? null : options.AccessKeySecret,
            string.IsNullOrEmpty(options.SessionToken) ? null : options.SessionToken);
        return new PreparedConfig(options, sender!, feedback, connection, templates);
    }

    /// <summary>Gets the configured template for <paramref name="type"/> (with the Generic fallback), if any.</summary>
    public PreparedTemplate? FindTemplate(TemplateType type) =>
        (uint)type < (uint)_templates.Length ? _templates[(int)type] : null;
}
