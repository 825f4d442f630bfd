using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Connectors.AwsSes.IntegrationTests.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connectors.AwsSes.IntegrationTests.Samples;

/// <summary>The sample identity-server host, its connector endpoints wired to the emulator.</summary>
[Collection(SesEmulatorCollection.Name)]
public sealed class IdentityServerSampleTests(SesEmulatorFixture emulator) : IDisposable
{
    private readonly WebApplicationFactory<IdentityServerSample.SampleHost> _factory = new WebApplicationFactory<IdentityServerSample.SampleHost>()
        .WithWebHostBuilder(builder => builder.UseSetting("Connectors:AwsSes:endpoint", emulator.Endpoint.ToString()));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetConnectors_ListsTheRegisteredAwsSesConnector()
    {
        using var client = _factory.CreateClient();

        var connectors = await client.GetFromJsonAsync<JsonElement>("/connectors");

        var connector = Assert.Single(connectors.EnumerateArray());
        Assert.Equal("aws-ses-mail", connector.GetProperty("instanceName").GetString());
        Assert.Equal("aws-ses-mail", connector.GetProperty("connectorId").GetString());
        Assert.Equal("aws-ses", connector.GetProperty("target").GetString());
        Assert.Equal("Email", connector.GetProperty("type").GetString());
    }

    [Fact]
    public async Task PostTest_WithPostedConfig_SendsGenericEmailWithThatConfig()
    {
        using var client = _factory.CreateClient();
        var config = JsonDocument.Parse($$$"""
            {
              "accessKeyId": "AKIDEXAMPLE", "accessKeySecret": "posted-secret", "region": "eu-west-1",
              "endpoint": "{{{emulator.Endpoint}}}", "emailAddress": "Posted Sender <posted@example.com>",
              "templates": [
                { "usageType": "Generic", "subject": "Test email {{code}}", "content": "<p>It works: {{code}}</p>" },
                { "usageType": "SignIn", "subject": "s", "content": "s" },
                { "usageType": "Register", "subject": "r", "content": "r" },
                { "usageType": "ForgotPassword", "subject": "f", "content": "f" }
              ]
            }
            """).RootElement;

        using var response = await client.PostAsJsonAsync("/connectors/aws-ses-mail/test", new { email = "admin@example.com", config });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString();
        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("Posted Sender <posted@example.com>", stored.From);
        Assert.Equal(["admin@example.com"], stored.Destination.To);
        Assert.Equal("Test email 000000", stored.Subject);
    }

    [Fact]
    public async Task PostSignInCode_StoredConfig_SendsSignInCode()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/sign-in/code", new { email = "user@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString();
        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("Example Identity <noreply@example.com>", stored.From);
        Assert.Equal("Your sign-in code", stored.Subject);
        Assert.Matches("^<p>Your sign-in code is <strong>[0-9]{6}</strong>.</p>$", stored.Body.Html);
    }

    [Fact]
    public async Task PostSignInCode_BadAddress_400WithConnectorErrorCode()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/sign-in/code", new { email = "a@example.com, b@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("invalid_request_parameters", error.GetProperty("code").GetString());
        Assert.Equal("The recipient address must be exactly one address, not a list.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task GetHealth_EmulatorAccountHealthy_Healthy()
    {
        using var client = _factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}
