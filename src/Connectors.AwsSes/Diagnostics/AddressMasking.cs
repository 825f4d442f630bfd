namespace Connectors.AwsSes.Diagnostics;

/// <summary>Masks recipient addresses for logs: <c>jane.doe@example.com</c> becomes <c>j***@example.com</c>.</summary>
internal static class AddressMasking
{
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }
}
