// The consumer project of tests/package/check.sh. check.sh copies this file to a temporary folder
// next to a generated project that references the packed Connectors.AwsSes from a local feed (no
// project reference), so this is compiled only against what the package ships. Not part of the
// solution; do not build it in place.
//
// Usage: PackageConsumer ENDPOINT RECIPIENT
// Sends one email through AwsSesConnector.Create and one through AddAwsSesConnector (DI) to the SES
// endpoint and prints "create <message id>" and "di <message id>".
using Connectors.AwsSes;
using Connectors.AwsSes.Configuration;
using Connectors.Kit.Connectors;
using Connectors.Kit.Messages;
using Connectors.Kit.Registry;
using Connectors.Kit.Templates;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageConsumer ENDPOINT RECIPIENT");
    return 2;
}

var endpoint = args[0];
var recipient = args[1];

void Configure(AwsSesConnectorOptions options)
{
    options.AccessKeyId = "AKIDEXAMPLE";
    options.AccessKeySecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    options.Region = "us-east-1";
    options.Endpoint = endpoint;
    options.EmailAddress = "Package Check <noreply@example.com>";
    options.Templates = new[] { "SignIn", "Register", "ForgotPassword", "Generic" }
        .Select(type => new EmailTemplate
        {
            UsageType = type,
            Subject = $"Package check {type} {{{{code}}}}",
            Content = $"<p>Package check: your {type} code is <strong>{{{{code}}}}</strong>.</p>",
        })
        .ToList();
}

// 1. Without DI.
var options = new AwsSesConnectorOptions();
Configure(options);
AwsSesConnector.ValidateOptions(options);
var created = AwsSesConnector.Create(options);
var createId = await created.SendMessageAsync(new SendMessageData
{
    To = recipient,
    Type = TemplateType.SignIn,
    Payload = new SendMessagePayload { Code = "111111" },
});
Console.WriteLine($"create {createId}");

// 2. With DI, as an identity server registers it.
var services = new ServiceCollection();
services.AddAwsSesConnector(Configure);
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var registry = provider.GetRequiredService<IConnectorRegistry>();
if (registry.FindByConnectorId("aws-ses-mail").Count != 1)
{
    Console.Error.WriteLine("The connector registry does not list the aws-ses-mail connector.");
    return 1;
}

var email = provider.GetRequiredService<IEmailConnector>();
var diId = await email.SendMessageAsync(new SendMessageData
{
    To = recipient,
    Type = TemplateType.Register,
    Payload = new SendMessagePayload { Code = "222222" },
});
Console.WriteLine($"di {diId}");
return 0;
