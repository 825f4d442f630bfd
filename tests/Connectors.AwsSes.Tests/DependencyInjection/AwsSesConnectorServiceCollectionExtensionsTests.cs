using System.Text.Json;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Connectors;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Metadata;
using Connectors.Kit.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Connectors.AwsSes.Tests.DependencyInjection;

public sealed class AwsSesConnectorServiceCollectionExtensionsTests
{
    private readonly Mock<ISesClient> _ses = new();
    private readonly List<SendEmailRequest> _sent = [];

    public AwsSesConnectorServiceCollectionExtensionsTests()
    {
        _ses.Setup(s => s.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SesConnectionSettings, SendEmailRequest, CancellationToken>((_, request, _) => { lock (_sent) { _sent.Add(request); } })
            .ReturnsAsync("m-1");
    }

    [Fact]
    public async Task AddAwsSesConnector_ConfigureAction_RegistersDefaultConnectorInRegistry()
    {
        using var provider = Build(services => services.AddAwsSesConnector(o => TestConfigs.FillRequired(o)));

        var registry = provider.GetRequiredService<IConnectorRegistry>();
        var connector = Assert.Single(registry.Connectors);
        Assert.Equal("aws-ses-mail", connector.InstanceName);
        Assert.Same(connector, registry.Get("aws-ses-mail"));
        Assert.Same(connector, Assert.Single(registry.FindByConnectorId("aws-ses-mail")));
        Assert.Same(connector, Assert.Single(registry.FindByTarget("aws-ses")));
        Assert.Same(connector, Assert.Single(registry.FindByType(ConnectorType.Email)));
        Assert.Empty(registry.FindByType(ConnectorType.Sms));
        Assert.Same(connector, provider.GetRequiredService<AwsSesConnector>());
        Assert.Same(connector, provider.GetRequiredService<IEmailConnector>());

        var messageId = await connector.SendMessageAsync(new SendMessageData { To = "user@example.com", Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "123" } });

        Assert.Equal("m-1", messageId);
        Assert.Equal("SignIn 123", Assert.Single(_sent).Content.Simple.Subject.Data);
    }

    [Fact]
    public void AddAwsSesConnector_TwoNamedInstances_BothFoundAndUnknownNameIsNotFound()
    {
        using var provider = Build(services => services
            .AddAwsSesConnector("tenant-a", o => TestConfigs.FillRequired(o))
            .AddAwsSesConnector("tenant-b", o => TestConfigs.FillRequired(o)));

        var registry = provider.GetRequiredService<IConnectorRegistry>();
        Assert.Equal(["tenant-a", "tenant-b"], registry.FindByTarget("aws-ses").Select(c => c.InstanceName));
        var error = Assert.Throws<ConnectorError>(() => registry.Get("tenant-c"));
        Assert.Equal(ConnectorErrorCode.NotFound, error.Code);
        Assert.Equal("No connector is registered with the instance name 'tenant-c'.", error.Message);
    }

    [Fact]
    public void AddAwsSesConnector_InvalidOptions_StartupValidationNamesTheField()
    {
        using var provider = Build(services => services.AddAwsSesConnector("broken", o =>
        {
            TestConfigs.FillRequired(o);
            o.Region = "Mars";
        }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("AWS SES connector 'broken': 'region' must be an AWS region name such as us-east-1 or eu-west-1.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestConfigs.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAwsSesConnector_ConfigurationReloaded_NextSendUsesNewConfig()
    {
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = TestConfigs.RequiredAsConfiguration("Connectors:AwsSes", "v1 ") };
        var configuration = new ConfigurationBuilder().Add(source).Build();
        using var provider = Build(services => services.AddAwsSesConnector(configuration));
        var connector = provider.GetRequiredService<AwsSesConnector>();
        var data = new SendMessageData { To = "user@example.com", Type = TemplateType.Register, Payload = new SendMessagePayload { Code = "9" } };

        await connector.SendMessageAsync(data);
        configuration["Connectors:AwsSes:templates:0:subject"] = "v2 Register {{code}}";
        configuration.Reload();
        await connector.SendMessageAsync(data);

        Assert.Equal(["v1 Register 9", "v2 Register 9"], _sent.Select(r => r.Content.Simple.Subject.Data));
    }

    [Fact]
    public async Task AddAwsSesConnector_HostConfigProvider_WinsOverOptionsAndInputConfigWinsOverBoth()
    {
        var stored = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            region = "eu-west-1",
            emailAddress = "tenant@example.com",
            templates = new[] { "SignIn", "Register", "ForgotPassword", "Generic" }.Select(t => new { usageType = t, subject = "stored " + t, content = "c" }),
        }));
        var input = JsonDocument.Parse(stored.RootElement.GetRawText().Replace("stored ", "input ", StringComparison.Ordinal));
        var configs = new Mock<IConnectorConfigProvider>();
        configs.Setup(c => c.GetConfigAsync("aws-ses-mail", It.IsAny<CancellationToken>())).ReturnsAsync(stored.RootElement);
        using var provider = Build(services => services
            .AddSingleton(configs.Object)
            .AddAwsSesConnector(o => TestConfigs.FillRequired(o, "options ")));
        var connector = provider.GetRequiredService<AwsSesConnector>();
        var data = new SendMessageData { To = "user@example.com", Type = TemplateType.SignIn };

        await connector.SendMessageAsync(data);
        await connector.SendMessageAsync(data, input.RootElement);

        Assert.Equal(["stored SignIn", "input SignIn"], _sent.Select(r => r.Content.Simple.Subject.Data));
        Assert.Equal("tenant@example.com", _sent[0].FromEmailAddress);
    }

    [Fact]
    public void AddAwsSesConnector_DuplicateInstanceNames_RegistryRefusesThem()
    {
        using var provider = Build(services => services
            .AddAwsSesConnector("same", o => TestConfigs.FillRequired(o))
            .AddAwsSesConnector("same", o => TestConfigs.FillRequired(o)));

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IConnectorRegistry>());
        Assert.StartsWith("Two connectors are registered with the instance name 'same'", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ses.Object);
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
