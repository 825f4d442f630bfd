using Microsoft.Extensions.Options;

namespace Connectors.AwsSes.Configuration;

/// <summary>An options monitor over one fixed value, for connectors created without dependency injection.</summary>
internal sealed class FixedOptionsMonitor<TOptions>(TOptions value) : IOptionsMonitor<TOptions>
{
    public TOptions CurrentValue => value;

    public TOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<TOptions, string?> listener) => null;
}
