using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Connectors;
using Connectors.Kit.Templates;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace Connectors.AwsSes.Tests.TestSupport;

/// <summary>
/// An <see cref="AwsSesConnector"/> over a strict Moq <see cref="ISesClient"/> that records every
/// SendEmail request it is given and answers with <see cref="MessageId"/>.
/// </summary>
internal sealed class ConnectorHarness
{
    public const string InstanceName = AwsSesDefaults.DefaultInstanceName;
    public const string MessageId = "0100018f3c2a9b7e-5e6f7a8b-1c2d-3e4f-5a6b-7c8d9e0f1a2b-000000";

    public ConnectorHarness(AwsSesConnectorOptions? options = null)
    {
        Options = options ?? TestConfigs.AllTemplatesOptions();
        Client
            .Setup(c => c.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .Callback((SesConnectionSettings connection, SendEmailRequest request, CancellationToken _) => Sent.Add((connection, request)))
            .ReturnsAsync(MessageId);
    }

    public AwsSesConnectorOptions Options { get; set; }

    public Mock<ISesClient> Client { get; } = new(MockBehavior.Strict);

    public List<(SesConnectionSettings Connection, SendEmailRequest Request)> Sent { get; } = [];

    public FakeLogger Logger { get; } = new();

    /// <summary>Gets the JSON of the one request sent.</summary>
    public string SentJson => Json(Assert.Single(Sent).Request);

    public static string Json(SendEmailRequest request) => JsonSerializer.Serialize(request, SesJsonContext.Wire.SendEmailRequest);

    public AwsSesConnector Create(IConnectorConfigProvider? configProvider = null, ILocalizedEmailTemplateProvider? localizedTemplates = null)
    {
        var monitor = new Mock<IOptionsMonitor<AwsSesConnectorOptions>>(MockBehavior.Strict);
        monitor.Setup(m => m.Get(InstanceName)).Returns(() => Options);
        return new AwsSesConnector(InstanceName, monitor.Object, Client.Object, configProvider, localizedTemplates, Logger);
    }

    public void VerifyNothingSent() =>
        Client.Verify(c => c.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()), Times.Never);
}
