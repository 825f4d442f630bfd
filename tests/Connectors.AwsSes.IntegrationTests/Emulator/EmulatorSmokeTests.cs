using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// Pins down what the emulator does with hand-built SES v2 requests, so that the client's integration tests can rely
/// on it (and learn here what it does not check).
/// </summary>
[Collection(SesEmulatorCollection.Name)]
public sealed class EmulatorSmokeTests(SesEmulatorFixture emulator)
{
    private const string OutboundEmails = "v2/email/outbound-emails";

    private const string FullSendEmail = """
        {
          "FromEmailAddress": "Example Sender <noreply@example.com>",
          "FromEmailAddressIdentityArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
          "Destination": {
            "ToAddresses": ["alice@example.com", "bob@example.org"],
            "CcAddresses": ["carol@example.net"],
            "BccAddresses": ["dave@example.com"]
          },
          "ReplyToAddresses": ["support@example.com", "help@example.com"],
          "FeedbackForwardingEmailAddress": "bounces@example.com",
          "Content": {
            "Simple": {
              "Subject": { "Data": "Your code is 123456 – Zoë's café ✓", "Charset": "UTF-8" },
              "Body": {
                "Html": { "Data": "<p class=\"code\">Your code is <b>123456</b> &amp; expires in 10 min.</p>\n<p>Zoë</p>", "Charset": "UTF-8" },
                "Text": { "Data": "Your code is 123456 & expires in 10 min.\r\nZoë", "Charset": "UTF-8" }
              },
              "Headers": [ { "Name": "X-Test-Header", "Value": "smoke" } ]
            }
          },
          "EmailTags": [ { "Name": "usage", "Value": "SignIn" } ],
          "ConfigurationSetName": "integration-tests",
          "SomethingSesDoesNotKnow": { "ignored": true }
        }
        """;

    [Fact]
    public async Task SendEmail_is_stored_with_the_exact_subject_bodies_and_addresses()
    {
        using var http = emulator.CreateClient();

        using var response = await http.SendAsync(SignedPost(OutboundEmails, FullSendEmail));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("MessageId").GetString();
        Assert.NotNull(messageId);
        Assert.Matches("^ses-[0-9]{9}$", messageId);

        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("Example Sender <noreply@example.com>", stored.From);
        Assert.Equal(["alice@example.com", "bob@example.org"], stored.Destination.To);
        Assert.Equal(["carol@example.net"], stored.Destination.Cc);
        Assert.Equal(["dave@example.com"], stored.Destination.Bcc);
        Assert.Equal(["support@example.com", "help@example.com"], stored.ReplyTo);
        Assert.Equal("Your code is 123456 – Zoë's café ✓", stored.Subject);
        Assert.Equal("<p class=\"code\">Your code is <b>123456</b> &amp; expires in 10 min.</p>\n<p>Zoë</p>", stored.Body.Html);
        Assert.Equal("Your code is 123456 & expires in 10 min.\r\nZoë", stored.Body.Text);
        Assert.Equal([new StoredHeader { Name = "X-Test-Header", Value = "smoke" }], stored.Headers);
        Assert.Empty(stored.Attachments);
        Assert.True(stored.At > 1_700_000_000, $"at = {stored.At} is not a Unix time in seconds");
    }

    [Fact]
    public async Task SendEmail_with_only_an_html_body_stores_no_text_and_empty_lists()
    {
        const string minimal = """
            {
              "FromEmailAddress": "noreply@example.com",
              "Destination": { "ToAddresses": ["alice@example.com"] },
              "Content": { "Simple": { "Subject": { "Data": "Sign in" }, "Body": { "Html": { "Data": "<p>123456</p>" } } } }
            }
            """;
        using var http = emulator.CreateClient();

        using var response = await http.SendAsync(SignedPost(OutboundEmails, minimal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("MessageId").GetString();
        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("noreply@example.com", stored.From);
        Assert.Equal(["alice@example.com"], stored.Destination.To);
        Assert.Empty(stored.Destination.Cc);
        Assert.Empty(stored.Destination.Bcc);
        Assert.Empty(stored.ReplyTo);
        Assert.Equal("Sign in", stored.Subject);
        Assert.Equal("<p>123456</p>", stored.Body.Html);
        Assert.Null(stored.Body.Text);
        Assert.Null(stored.Headers);
    }

    [Fact]
    public async Task SendEmail_without_an_authorization_header_is_refused_with_403_and_not_stored()
    {
        using var http = emulator.CreateClient();
        var before = (await emulator.GetStoredEmailsAsync()).Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, OutboundEmails)
        {
            Content = new StringContent(FullSendEmail, Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Missing Authentication Token", error.GetProperty("message").GetString());
        Assert.False(response.Headers.Contains("x-amzn-ErrorType"));
        Assert.Equal(before, (await emulator.GetStoredEmailsAsync()).Count);
    }

    [Fact]
    public async Task SendEmail_with_a_non_aws_authorization_scheme_is_refused_with_400()
    {
        using var http = emulator.CreateClient();

        using var response = await http.SendAsync(SignedPost(OutboundEmails, FullSendEmail, authorization: "Bearer abc"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Not Authorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task SendEmail_errors_carry_message_and_detail_in_the_body_and_no_aws_error_headers()
    {
        const string noFrom = """
            { "Destination": { "ToAddresses": ["alice@example.com"] },
              "Content": { "Simple": { "Subject": { "Data": "S" }, "Body": { "Text": { "Data": "T" } } } } }
            """;
        using var http = emulator.CreateClient();

        using var response = await http.SendAsync(SignedPost(OutboundEmails, noFrom));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bad Request Exception", error.GetProperty("message").GetString());
        Assert.Equal("aws-ses-v2-local: Must have a from email address.", error.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("x-amzn-ErrorType"));
        Assert.False(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task SendEmail_body_is_only_read_with_a_json_content_type()
    {
        using var http = emulator.CreateClient();
        using var request = SignedPost(OutboundEmails, FullSendEmail);
        request.Content = new StringContent(FullSendEmail, Encoding.UTF8, "application/x-amz-json-1.1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "aws-ses-v2-local: Schema validation failed",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetAccount_returns_the_account_the_fixture_configured()
    {
        using var http = emulator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/email/account");
        request.Headers.TryAddWithoutValidation("Authorization", SesEmulatorFixture.DummyAuthorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        var quota = account.GetProperty("SendQuota");
        Assert.Equal(emulator.Account.Max24HourSend, quota.GetProperty("Max24HourSend").GetDouble());
        Assert.Equal(emulator.Account.MaxSendRate, quota.GetProperty("MaxSendRate").GetDouble());
        Assert.Equal(emulator.Account.SentLast24Hours, quota.GetProperty("SentLast24Hours").GetDouble());
        Assert.Equal(emulator.Account.SendingEnabled, account.GetProperty("SendingEnabled").GetBoolean());
        Assert.Equal(emulator.Account.ProductionAccessEnabled, account.GetProperty("ProductionAccessEnabled").GetBoolean());
        Assert.Equal(emulator.Account.EnforcementStatus, account.GetProperty("EnforcementStatus").GetString());
    }

    [Fact]
    public async Task Unknown_operations_answer_404_with_an_xml_marker()
    {
        using var http = emulator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/email/identities");
        request.Headers.TryAddWithoutValidation("Authorization", SesEmulatorFixture.DummyAuthorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("<UnknownOperationException/>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClearStore_empties_the_store()
    {
        using var http = emulator.CreateClient();
        using (var response = await http.SendAsync(SignedPost(OutboundEmails, FullSendEmail)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotEmpty(await emulator.GetStoredEmailsAsync());

        await emulator.ClearStoreAsync();

        Assert.Empty(await emulator.GetStoredEmailsAsync());
    }

    private static HttpRequestMessage SignedPost(string path, string json, string authorization = SesEmulatorFixture.DummyAuthorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }
}
