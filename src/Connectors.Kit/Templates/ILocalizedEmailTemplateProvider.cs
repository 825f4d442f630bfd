using Connectors.Kit.Messages;

namespace Connectors.Kit.Templates;

/// <summary>
/// A host hook that supplies localized templates (Logto's <c>getI18nEmailTemplate</c>).
/// A template it returns wins over the connector config's.
/// </summary>
/// <remarks>
/// Connectors ignore failures of this hook (as Logto does) and fall back to their configured
/// templates, so an unavailable template store never stops a sign-in email.
/// </remarks>
public interface ILocalizedEmailTemplateProvider
{
    /// <summary>Finds the template for a usage type and locale.</summary>
    /// <param name="type">The usage type.</param>
    /// <param name="locale">The payload's locale, if any.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template, or <see langword="null"/> when the host has none.</returns>
    ValueTask<EmailTemplateDetails?> GetTemplateAsync(TemplateType type, string? locale, CancellationToken cancellationToken);
}
