namespace Connectors.Kit.Templates;

/// <summary>
/// A host-supplied (typically localized) email template: Logto's <c>EmailTemplateDetails</c>.
/// </summary>
public sealed class EmailTemplateDetails
{
    /// <summary>Gets the subject template, rendered as plain text.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the body template.</summary>
    public required string Content { get; init; }

    /// <summary>Gets the kind of <see cref="Content"/>.</summary>
    /// <value><see cref="EmailContentType.Html"/> by default.</value>
    public EmailContentType ContentType { get; init; } = EmailContentType.Html;

    /// <summary>Gets an address replies should go to, if any.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Gets the sender display name to use instead of the configured one, if any.</summary>
    public string? SendFrom { get; init; }
}
