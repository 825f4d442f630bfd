namespace Connectors.AwsSes.Ses.Model;

/// <summary>The body of SES v2 <c>SendEmail</c> (<c>POST /v2/email/outbound-emails</c>); null members are omitted on the wire.</summary>
internal sealed class SendEmailRequest
{
    public required string FromEmailAddress { get; init; }

    public string? FromEmailAddressIdentityArn { get; init; }

    public required Destination Destination { get; init; }

    public IReadOnlyList<string>? ReplyToAddresses { get; init; }

    public string? FeedbackForwardingEmailAddress { get; init; }

    public string? FeedbackForwardingEmailAddressIdentityArn { get; init; }

    public required EmailContent Content { get; init; }

    public IReadOnlyList<MessageTag>? EmailTags { get; init; }

    public string? ConfigurationSetName { get; init; }
}

/// <summary>SES v2 <c>Destination</c>.</summary>
internal sealed class Destination
{
    public required IReadOnlyList<string> ToAddresses { get; init; }
}

/// <summary>SES v2 <c>EmailContent</c>; only the simple form is sent.</summary>
internal sealed class EmailContent
{
    public required SimpleMessage Simple { get; init; }
}

/// <summary>SES v2 <c>Message</c>.</summary>
internal sealed class SimpleMessage
{
    public required SesContent Subject { get; init; }

    public required MessageBody Body { get; init; }
}

/// <summary>SES v2 <c>Body</c>: an HTML part, a text part, or both.</summary>
internal sealed class MessageBody
{
    public SesContent? Html { get; init; }

    public SesContent? Text { get; init; }
}

/// <summary>SES v2 <c>Content</c>: text and its charset.</summary>
internal sealed class SesContent
{
    public const string Utf8 = "UTF-8";

    public required string Data { get; init; }

    public string? Charset { get; init; } = Utf8;
}

/// <summary>SES v2 <c>MessageTag</c>.</summary>
internal sealed class MessageTag
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}
