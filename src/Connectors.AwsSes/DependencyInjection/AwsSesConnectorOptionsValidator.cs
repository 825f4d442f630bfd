using Connectors.AwsSes.Configuration;
using Connectors.Kit.Errors;
using Microsoft.Extensions.Options;

namespace Connectors.AwsSes.DependencyInjection;

/// <summary>Validates named <see cref="AwsSesConnectorOptions"/> with the same rules as a pasted config JSON.</summary>
internal sealed class AwsSesConnectorOptionsValidator(string name) : IValidateOptions<AwsSesConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name1, AwsSesConnectorOptions options)
    {
        if (!string.Equals(name1 ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            AwsSesConfigValidator.ThrowIfInvalid(options);
            return ValidateOptionsResult.Success;
        }
        catch (ConnectorError error)
        {
            return ValidateOptionsResult.Fail($"AWS SES connector '{name}': {error.Message}");
        }
    }
}
