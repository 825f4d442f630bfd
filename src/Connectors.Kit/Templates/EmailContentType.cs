namespace Connectors.Kit.Templates;

/// <summary>The kind of content a template holds.</summary>
public enum EmailContentType
{
    /// <summary>HTML: payload values are HTML-escaped and a plain-text alternative is derived.</summary>
    Html,

    /// <summary>Plain text: values are inserted as they are and only a text body is sent.</summary>
    Text,
}
