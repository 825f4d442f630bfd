using System.Collections.Concurrent;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Sending;

/// <summary>
/// Parsed templates by their text, so the same template is parsed (and its text part derived)
/// once per process however many configs, tenants or localized lookups name it.
/// </summary>
/// <remarks>Bounded: past <see cref="Capacity"/> entries it starts over rather than grow without limit.</remarks>
internal sealed class TemplateCache
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<Key, PreparedTemplate> _entries = new();

    public static TemplateCache Shared { get; } = new();

    public int Count => _entries.Count;

    public PreparedTemplate GetOrAdd(EmailTemplate template) =>
        GetOrAdd(new Key(template.Subject!, template.Content!, EmailContentType.Html, null, null), static key => PreparedTemplate.FromConfig(new EmailTemplate { Subject = key.Subject, Content = key.Content }));

    public PreparedTemplate GetOrAdd(EmailTemplateDetails details) =>
        GetOrAdd(new Key(details.Subject, details.Content, details.ContentType, details.ReplyTo, details.SendFrom), static key => PreparedTemplate.FromDetails(new EmailTemplateDetails
        {
            Subject = key.Subject,
            Content = key.Content,
            ContentType = key.ContentType,
            ReplyTo = key.ReplyTo,
            SendFrom = key.SendFrom,
        }));

    private PreparedTemplate GetOrAdd(Key key, Func<Key, PreparedTemplate> factory)
    {
        if (_entries.TryGetValue(key, out var prepared))
        {
            return prepared;
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, factory);
    }

    private readonly record struct Key(string Subject, string Content, EmailContentType ContentType, string? ReplyTo, string? SendFrom);
}
