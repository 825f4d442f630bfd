using Amazon;
using Connectors.AwsSes.Configuration;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// Finds the SES v2 endpoint of a config: the config's <c>endpoint</c>, then
/// <c>AWS_ENDPOINT_URL_SESV2</c>, then <c>AWS_ENDPOINT_URL</c> (as the AWS SDKs), else
/// <c>email[-fips].{region}.{dnsSuffix}</c> from the region's partition.
/// </summary>
internal static class SesEndpointResolver
{
    public const string ServiceEndpointVariable = "AWS_ENDPOINT_URL_SESV2";
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>Resolves the base URI (no trailing slash) of the SES endpoint.</summary>
    /// <param name="connection">The validated settings.</param>
    /// <param name="environment">Reads an environment variable (injectable for tests).</param>
    /// <exception cref="ConnectorError"><c>invalid_config</c> for a bad override or an unsupported combination.</exception>
    public static Uri Resolve(SesConnectionSettings connection, Func<string, string?> environment)
    {
        if (connection.Endpoint is { } configured)
        {
            return ParseOverride("endpoint", configured, connection);
        }

        foreach (var variable in (ReadOnlySpan<string>)[ServiceEndpointVariable, GlobalEndpointVariable])
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return ParseOverride(variable, value.Trim(), connection);
            }
        }

        var region = RegionEndpoint.GetBySystemName(connection.Region);
        var suffix = region.PartitionDnsSuffix;
        if (connection.UseDualStackEndpoint)
        {
            suffix = DualStackSuffix(region.PartitionName)
                ?? throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"'useDualStackEndpoint' is not available in the {region.PartitionName} partition of region '{connection.Region}'.");
        }

        var service = connection.UseFipsEndpoint ? "email-fips" : "email";
        return new Uri($"https://{service}.{connection.Region}.{suffix}", UriKind.Absolute);
    }

    private static Uri ParseOverride(string name, string value, SesConnectionSettings connection)
    {
        if (AwsSesConfigValidator.CheckEndpointUrl(name, value) is { } problem)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, problem);
        }

        if (connection.UseFipsEndpoint || connection.UseDualStackEndpoint)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"'{name}' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.");
        }

        return new Uri(value.TrimEnd('/'), UriKind.Absolute);
    }

    // The partitions' dual-stack DNS suffixes (AWS partitions.json, "dualStackDnsSuffix").
    private static string? DualStackSuffix(string partition) => partition switch
    {
        "aws" => "api.aws",
        "aws-us-gov" => "api.aws",
        "aws-cn" => "api.amazonwebservices.com.cn",
        "aws-iso" => "api.aws.ic.gov",
        "aws-iso-b" => "api.aws.scloud",
        "aws-iso-e" => "api.cloud-aws.adc-e.uk",
        "aws-iso-f" => "api.aws.hci.ic.gov",
        "aws-eusc" => "api.amazonwebservices.eu",
        _ => null,
    };
}
