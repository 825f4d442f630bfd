using System.Net;

namespace Connectors.AwsSes.Ses;

/// <summary>The HTTP plumbing shared by every connector of the process that is not given an <see cref="HttpClient"/> by DI.</summary>
internal static class SesHttp
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client the DI registration configures.</summary>
    public const string HttpClientName = "Connectors.AwsSes";

    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(CreatePrimaryHandler(), disposeHandler: false)
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Gets the process-wide client: one pooled connection set, as the AWS SDKs keep per client.</summary>
    public static HttpClient Shared => SharedClient.Value;

    /// <summary>Creates the handler every SES connection goes through.</summary>
    /// <remarks>
    /// Redirects are never followed: a redirected request would carry a signature made for another
    /// URL (the AWS signer's own advice). Connections are recycled every few minutes so DNS changes
    /// of the SES endpoint are seen.
    /// </remarks>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
