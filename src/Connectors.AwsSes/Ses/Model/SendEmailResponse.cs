namespace Connectors.AwsSes.Ses.Model;

/// <summary>The answer of SES v2 <c>SendEmail</c>.</summary>
internal sealed class SendEmailResponse
{
    public string? MessageId { get; init; }
}
