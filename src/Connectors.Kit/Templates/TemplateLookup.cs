using Connectors.Kit.Messages;

namespace Connectors.Kit.Templates;

/// <summary>Logto's template lookup: the template of the usage type, else the <c>Generic</c> one.</summary>
public static class TemplateLookup
{
    /// <summary>Finds the template for <paramref name="type"/> in <paramref name="templates"/>.</summary>
    /// <param name="templates">The configured templates.</param>
    /// <param name="type">The usage type.</param>
    /// <returns>The first template whose usage type is <paramref name="type"/>, else the first
    /// <c>Generic</c> one, else <see langword="null"/>.</returns>
    public static EmailTemplate? Find(IReadOnlyList<EmailTemplate>? templates, TemplateType type)
    {
        if (templates is null)
        {
            return null;
        }

        var wanted = type.ToWireName();
        EmailTemplate? generic = null;
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            if (template is null)
            {
                continue;
            }

            if (string.Equals(template.UsageType, wanted, StringComparison.Ordinal))
            {
                return template;
            }

            if (generic is null && string.Equals(template.UsageType, "Generic", StringComparison.Ordinal))
            {
                generic = template;
            }
        }

        return generic;
    }
}
