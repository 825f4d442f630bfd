namespace Connectors.Kit.Templates;

/// <summary>How placeholder values are written into a rendered template.</summary>
public enum TemplateRenderMode
{
    /// <summary>Values are inserted as they are: Logto's exact behaviour, for plain-text bodies.</summary>
    Raw,

    /// <summary>Values are HTML-escaped (<c>&amp; &lt; &gt; &quot; &#39;</c>), so a payload cannot inject markup.</summary>
    Html,

    /// <summary>
    /// Values are inserted as they are, then every run of CR and LF in the result becomes one
    /// space: for subjects and other header fields, which must stay on one line.
    /// </summary>
    SingleLine,
}
