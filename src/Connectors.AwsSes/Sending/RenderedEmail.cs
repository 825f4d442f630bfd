namespace Connectors.AwsSes.Sending;

/// <summary>A rendered subject with an HTML body, a text body, or both.</summary>
internal readonly record struct RenderedEmail(string Subject, string? Html, string? Text);
