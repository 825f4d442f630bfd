using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using BenchmarkDotNet.Attributes;
using Connectors.AwsSes.Benchmarks.Support;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;

namespace Connectors.AwsSes.Benchmarks.Micro;

/// <summary>
/// AWS's own SigV4 signer (<see cref="AWSSigV4Signer.SignAsync"/>) alone, on the JSON body of
/// the benchmark's email: the part of a send this library cannot make cheaper.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SigningBenchmarks
{
    private static readonly Uri SendEmailUri = new("https://email.us-east-1.amazonaws.com/v2/email/outbound-emails");
    private static readonly DateTime SignedAt = new(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private byte[] _body = null!;
    private string _bodySha256 = null!;
    private AWSCredentials _credentials = null!;
    private RegionEndpoint _region = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var connector = AwsSesConnector.Create(BenchmarkConfig.CreateOptions());
        var (_, request) = await connector.PrepareAsync(BenchmarkConfig.CreateMessage(), null, CancellationToken.None);
        _body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, SesJsonContext.Wire.SendEmailRequest);
        _bodySha256 = Convert.ToHexStringLower(SHA256.HashData(_body));
        _credentials = new BasicAWSCredentials(BenchmarkConfig.AccessKeyId, BenchmarkConfig.SecretKey);
        _region = RegionEndpoint.GetBySystemName(BenchmarkConfig.Region);
    }

    /// <summary>The signer hashes the body itself.</summary>
    [Benchmark(Baseline = true)]
    public Task<AWSSigningResult> SignBody()
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = SendEmailUri, Content = _body };
        request.Headers["content-type"] = "application/json";
        return AWSSigV4Signer.SignAsync(request, Parameters());
    }

    /// <summary>The body's SHA-256 is given in <c>x-amz-content-sha256</c>, so the signer does not hash.</summary>
    [Benchmark]
    public Task<AWSSigningResult> SignPrecomputedHash()
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = SendEmailUri };
        request.Headers["content-type"] = "application/json";
        request.Headers["x-amz-content-sha256"] = _bodySha256;
        return AWSSigV4Signer.SignAsync(request, Parameters());
    }

    private AWSSigV4Parameters Parameters() => new()
    {
        Credentials = _credentials,
        Region = _region,
        Service = AwsSesDefaults.SigningName,
        SignedAt = SignedAt,
    };
}
