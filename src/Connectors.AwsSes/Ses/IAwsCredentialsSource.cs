using Amazon.Runtime;

namespace Connectors.AwsSes.Ses;

/// <summary>Supplies the AWS default credential chain's credentials (a seam so tests never reach an instance-metadata service).</summary>
internal interface IAwsCredentialsSource
{
    /// <summary>Resolves the default chain's credentials.</summary>
    /// <returns>Credentials that refresh themselves when they are temporary.</returns>
    /// <exception cref="Connectors.Kit.Errors.ConnectorError"><c>invalid_config</c> when no source in the chain has credentials.</exception>
    ValueTask<AWSCredentials> GetDefaultCredentialsAsync(CancellationToken cancellationToken);
}
