using System.Security.Cryptography;
using System.Text.Json;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;

namespace Connectors.AwsSes.Tests.Ses;

/// <summary>The pooled request body must hold exactly what the serializer writes, however large it grows.</summary>
public sealed class PooledJsonBodyTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(2_000)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    [InlineData(3_000_000)]
    public void Serialize_BodyOfAnySize_EqualsTheSerializersBytesAndHash(int htmlLength)
    {
        var request = new SendEmailRequest
        {
            FromEmailAddress = "=?UTF-8?B?w4lxdWlwZQ==?= <noreply@example.com>",
            Destination = new Destination { ToAddresses = ["user@example.com"] },
            Content = new EmailContent
            {
                Simple = new SimpleMessage
                {
                    Subject = new SesContent { Data = "Votre code : 123456 ✓" },
                    Body = new MessageBody
                    {
                        Html = new SesContent { Data = "<p>" + new string('é', htmlLength) + "</p>" },
                        Text = new SesContent { Data = new string('x', htmlLength / 2) + "\n\"quoted\"" },
                    },
                },
            },
        };
        var expected = JsonSerializer.SerializeToUtf8Bytes(request, SesJsonContext.Wire.SendEmailRequest);

        var body = PooledJsonBody.Serialize(request, SesJsonContext.Default.SendEmailRequest);

        Assert.Equal(expected, body.Memory.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), body.Sha256Hex);
        body.Return();
    }
}
