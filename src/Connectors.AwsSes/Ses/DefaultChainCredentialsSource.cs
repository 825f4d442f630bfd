using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// The AWS SDK's default credential chain (environment, shared profile, SSO, web identity,
/// ECS and EC2 roles), resolved once and then reused: the returned credentials refresh
/// themselves, so a send never walks the chain again.
/// </summary>
internal sealed class DefaultChainCredentialsSource : IAwsCredentialsSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    public async ValueTask<AWSCredentials> GetDefaultCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _credentials) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credentials is { } raced)
            {
                return raced;
            }

            AWSCredentials? resolved;
            try
            {
                resolved = await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw NoCredentials(exception);
            }

            // Failures are not cached: the next send walks the chain again (a role may appear later).
            Volatile.Write(ref _credentials, resolved ?? throw NoCredentials(null));
            return resolved;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ConnectorError NoCredentials(Exception? cause) => new(
        ConnectorErrorCode.InvalidConfig,
        "No AWS credentials were found. Set 'accessKeyId' and 'accessKeySecret' in the config, or give the process credentials through the AWS default chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a shared profile (AWS_PROFILE), SSO, web identity, or an ECS task or EC2 instance role.",
        cause);
}
