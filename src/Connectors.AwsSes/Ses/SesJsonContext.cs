using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.AwsSes.Ses.Model;

namespace Connectors.AwsSes.Ses;

/// <summary>Source-generated JSON for the SES v2 wire types: no reflection, nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(GetAccountResponse))]
[JsonSerializable(typeof(SesErrorBody))]
internal sealed partial class SesJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Gets the context used on the wire. HTML and non-ASCII text is written unescaped, as the
    /// AWS SDKs do: the body is JSON in a request, never embedded in HTML, and it is smaller.
    /// </summary>
    public static SesJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
