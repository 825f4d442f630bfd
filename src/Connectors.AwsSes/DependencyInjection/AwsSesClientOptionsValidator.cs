using Connectors.AwsSes.Configuration;
using Microsoft.Extensions.Options;

namespace Connectors.AwsSes.DependencyInjection;

/// <summary>Validates <see cref="AwsSesClientOptions"/>.</summary>
internal sealed class AwsSesClientOptionsValidator : IValidateOptions<AwsSesClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsSesClientOptions options) =>
        options.FindProblem() is { } problem ? ValidateOptionsResult.Fail("AWS SES client options: " + problem) : ValidateOptionsResult.Success;
}
