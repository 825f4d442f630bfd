using Connectors.AwsSes.Addresses;

namespace Connectors.AwsSes.Tests.Addresses;

public class MailboxAddressTests
{
    [Theory]
    [InlineData(null, "user@example.com")]
    [InlineData("Example App", "Example App <user@example.com>")]
    [InlineData("Doe, John", "\"Doe, John\" <user@example.com>")]
    [InlineData("Zoë Example", "=?UTF-8?B?Wm/DqyBFeGFtcGxl?= <user@example.com>")]
    public void ToHeaderValue_DisplayName_IsEncodedBeforeTheAddress(string? displayName, string expected)
    {
        var mailbox = new MailboxAddress(displayName, "user", "example.com");

        Assert.Equal("user@example.com", mailbox.Address);
        Assert.Equal(expected, mailbox.ToHeaderValue());
    }

    [Fact]
    public void WithDisplayName_NewName_KeepsTheAddress()
    {
        var mailbox = new MailboxAddress("Old", "user", "example.com");

        var renamed = mailbox.WithDisplayName("New");

        Assert.Equal(new MailboxAddress("New", "user", "example.com"), renamed);
        Assert.Equal("Old", mailbox.DisplayName);
    }
}
