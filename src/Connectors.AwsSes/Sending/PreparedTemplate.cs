using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Sending;

/// <summary>
/// A template parsed once: its subject, its body and, for HTML, the plain-text alternative
/// derived from the body's markup (placeholders survive the conversion and are filled later).
/// </summary>
internal sealed class PreparedTemplate
{
    private PreparedTemplate(MessageTemplate subject, MessageTemplate body, MessageTemplate? text, EmailContentType contentType, string? replyTo, string? sendFrom)
    {
        Subject = subject;
        Body = body;
        Text = text;
        ContentType = contentType;
        ReplyTo = replyTo;
        SendFrom = sendFrom;
    }

    public MessageTemplate Subject { get; }

    public MessageTemplate Body { get; }

    /// <summary>Gets the text alternative of an HTML body, or <see langword="null"/> for text bodies.</summary>
    public MessageTemplate? Text { get; }

    public EmailContentType ContentType { get; }

    public string? ReplyTo { get; }

    public string? SendFrom { get; }

    public static PreparedTemplate FromConfig(EmailTemplate template) =>
        Create(template.Subject!, template.Content!, EmailContentType.Html, null, null);

    public static PreparedTemplate FromDetails(EmailTemplateDetails details) =>
        Create(details.Subject, details.Content, details.ContentType, details.ReplyTo, details.SendFrom);

    private static PreparedTemplate Create(string subject, string content, EmailContentType contentType, string? replyTo, string? sendFrom)
    {
        var body = MessageTemplate.Parse(content);
        var text = contentType == EmailContentType.Html ? MessageTemplate.Parse(HtmlText.ToPlainText(content)) : null;
        return new PreparedTemplate(MessageTemplate.Parse(subject), body, text, contentType, replyTo, sendFrom);
    }

    /// <summary>Renders the subject (one line, raw values), the body (escaped if HTML) and the text part.</summary>
    public RenderedEmail Render(SendMessagePayload payload, bool withTextPart)
    {
        var subject = Subject.Render(payload, TemplateRenderMode.SingleLine);
        if (ContentType == EmailContentType.Text)
        {
            return new RenderedEmail(subject, null, Body.Render(payload, TemplateRenderMode.Raw));
        }

        var html = Body.Render(payload, TemplateRenderMode.Html);
        var text = withTextPart && Text is not null ? Text.Render(payload, TemplateRenderMode.Raw) : null;
        return new RenderedEmail(subject, html, text);
    }
}
