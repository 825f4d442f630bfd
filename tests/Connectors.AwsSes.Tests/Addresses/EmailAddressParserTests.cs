using Connectors.AwsSes.Addresses;

namespace Connectors.AwsSes.Tests.Addresses;

public class EmailAddressParserTests
{
    private const string BareAddressOnly = "must be a bare address such as user@example.com, without a display name or angle brackets";
    private const string ControlCharacter = "contains a line break or another control character";
    private const string NotAList = "must be exactly one address, not a list";
    private const string NotAnAddress = "is not an email address (expected local-part@domain)";
    private const string InvalidDomain = "has an invalid domain";

    private static readonly string Local64 = new('a', 64);

    // 64 + 1 + 189 = 254 characters, every label at most 63.
    private static readonly string Address254 = Local64 + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 57) + ".com";
    private static readonly string Address255 = Local64 + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 58) + ".com";

    [Theory]
    [InlineData("user@example.com", "user", "example.com")]
    [InlineData("  user@example.com  ", "user", "example.com")]
    [InlineData("User.Name+tag@Example.COM", "User.Name+tag", "example.com")]
    [InlineData("o'brien@example.co.uk", "o'brien", "example.co.uk")]
    [InlineData("user@bücher.de", "user", "xn--bcher-kva.de")]
    [InlineData("user@BÜCHER.de", "user", "xn--bcher-kva.de")]
    [InlineData("user@例え.テスト", "user", "xn--r8jz45g.xn--zckzah")]
    [InlineData("user@xn--bcher-kva.de", "user", "xn--bcher-kva.de")]
    public void TryParseAddress_ValidRecipient_ReturnsAsciiAddress(string text, string local, string domain)
    {
        Assert.True(EmailAddressParser.TryParseAddress(text, out var address, out var problem), problem);

        Assert.Null(problem);
        Assert.Equal(new MailboxAddress(null, local, domain), address);
        Assert.Equal(local + "@" + domain, address.Address);
    }

    [Fact]
    public void TryParseAddress_254Characters_IsAccepted()
    {
        Assert.Equal(254, Address254.Length);

        Assert.True(EmailAddressParser.TryParseAddress(Address254, out var address, out _));
        Assert.Equal(Address254, address.Address);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("\r\n", "is empty")]
    [InlineData("user@example.com\r\nBcc: victim@example.com", ControlCharacter)]
    [InlineData("user@example.com\r\n", ControlCharacter)]
    [InlineData("user@example.com\n", ControlCharacter)]
    [InlineData("\nuser@example.com", ControlCharacter)]
    [InlineData("user\r@example.com", ControlCharacter)]
    [InlineData("user@exam\tple.com", ControlCharacter)]
    [InlineData("user@example.com\u0000", ControlCharacter)]
    [InlineData("user@example.com\u2028", ControlCharacter)]
    [InlineData("a@example.com, b@example.com", NotAList)]
    [InlineData("a@example.com,b@example.com", NotAList)]
    [InlineData("a@example.com;b@example.com", NotAList)]
    [InlineData("Name <user@example.com>", BareAddressOnly)]
    [InlineData("<user@example.com>", BareAddressOnly)]
    [InlineData("\"Name\" <user@example.com>", BareAddressOnly)]
    [InlineData("user@example.com>", BareAddressOnly)]
    [InlineData("userexample.com", NotAnAddress)]
    [InlineData("user@", NotAnAddress)]
    [InlineData("@example.com", NotAnAddress)]
    [InlineData("josé@example.com", "has a non-ASCII local part, which SES cannot send to (only the domain may be international)")]
    [InlineData("用户@例え.テスト", "has a non-ASCII local part, which SES cannot send to (only the domain may be international)")]
    [InlineData("us er@example.com", "has the character ' ' in its local part")]
    [InlineData("\"quoted\"@example.com", "has the character '\"' in its local part")]
    [InlineData("user(comment)@example.com", "has the character '(' in its local part")]
    [InlineData("a@b@example.com", "has the character '@' in its local part")]
    [InlineData(".user@example.com", "has a local part that starts or ends with a dot or holds two dots in a row")]
    [InlineData("user.@example.com", "has a local part that starts or ends with a dot or holds two dots in a row")]
    [InlineData("us..er@example.com", "has a local part that starts or ends with a dot or holds two dots in a row")]
    [InlineData("user@localhost", "has a domain without a dot (e.g. example.com is needed)")]
    [InlineData("user@[127.0.0.1]", "has a domain SES does not accept (an address literal or a trailing dot)")]
    [InlineData("user@example.com.", "has a domain SES does not accept (an address literal or a trailing dot)")]
    [InlineData("user@-example.com", InvalidDomain)]
    [InlineData("user@example-.com", InvalidDomain)]
    [InlineData("user@exa_mple.com", InvalidDomain)]
    [InlineData("user@example..com", InvalidDomain)]
    [InlineData("user@exa mple.com", InvalidDomain)]
    public void TryParseAddress_BadRecipient_IsRejectedWithTheReason(string? text, string expectedProblem)
    {
        Assert.False(EmailAddressParser.TryParseAddress(text, out var address, out var problem));

        Assert.Null(address);
        Assert.Equal(expectedProblem, problem);
    }

    [Fact]
    public void TryParseAddress_255Characters_IsTooLong()
    {
        Assert.Equal(255, Address255.Length);

        Assert.False(EmailAddressParser.TryParseAddress(Address255, out _, out var problem));
        Assert.Equal("is longer than 254 characters", problem);
    }

    [Fact]
    public void TryParseAddress_LongerThan254OnceInPunycode_IsTooLong()
    {
        var text = Local64 + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 53) + ".üü.com";
        Assert.Equal(253, text.Length);

        Assert.False(EmailAddressParser.TryParseAddress(text, out _, out var problem));
        Assert.Equal("is longer than 254 characters once its domain is in Punycode", problem);
    }

    [Fact]
    public void TryParseAddress_LocalPartOf65_IsTooLong()
    {
        Assert.True(EmailAddressParser.TryParseAddress(Local64 + "@example.com", out _, out _));

        Assert.False(EmailAddressParser.TryParseAddress(Local64 + "a@example.com", out _, out var problem));
        Assert.Equal("has a local part longer than 64 characters", problem);
    }

    [Fact]
    public void TryParseAddress_DomainLabelOf64_IsInvalid()
    {
        Assert.False(EmailAddressParser.TryParseAddress("user@" + new string('b', 64) + ".com", out _, out var problem));
        Assert.Equal(InvalidDomain, problem);
    }

    [Theory]
    [InlineData("Name <user@example.com>", "Name", "user@example.com", "Name <user@example.com>")]
    [InlineData("Logto<noreply@logto.io>", "Logto", "noreply@logto.io", "Logto <noreply@logto.io>")]
    [InlineData("  Example App   <  user@example.com >  ", "Example App", "user@example.com", "Example App <user@example.com>")]
    [InlineData("<user@example.com>", null, "user@example.com", "user@example.com")]
    [InlineData("user@example.com", null, "user@example.com", "user@example.com")]
    [InlineData("\"\" <user@example.com>", null, "user@example.com", "user@example.com")]
    [InlineData("\"Doe, John\" <john@example.com>", "Doe, John", "john@example.com", "\"Doe, John\" <john@example.com>")]
    [InlineData("\"Smith, Jane; Ops\" <jane@example.com>", "Smith, Jane; Ops", "jane@example.com", "\"Smith, Jane; Ops\" <jane@example.com>")]
    [InlineData("\"Say \\\"hi\\\"\" <a@example.com>", "Say \"hi\"", "a@example.com", "\"Say \\\"hi\\\"\" <a@example.com>")]
    [InlineData("\"<Admin>\" <a@example.com>", "<Admin>", "a@example.com", "\"<Admin>\" <a@example.com>")]
    [InlineData("Zoë Example <zoe@example.com>", "Zoë Example", "zoe@example.com", "=?UTF-8?B?Wm/DqyBFeGFtcGxl?= <zoe@example.com>")]
    [InlineData("\"Zoë, Example\" <zoe@bücher.de>", "Zoë, Example", "zoe@xn--bcher-kva.de", "=?UTF-8?B?Wm/DqywgRXhhbXBsZQ==?= <zoe@xn--bcher-kva.de>")]
    [InlineData("山田太郎 <taro@例え.テスト>", "山田太郎", "taro@xn--r8jz45g.xn--zckzah", "=?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@xn--r8jz45g.xn--zckzah>")]
    public void TryParseMailbox_ValidForm_ParsesNameAndAddress(string text, string? displayName, string address, string headerValue)
    {
        Assert.True(EmailAddressParser.TryParseMailbox(text, out var mailbox, out var problem), problem);

        Assert.Equal(displayName, mailbox.DisplayName);
        Assert.Equal(address, mailbox.Address);
        Assert.Equal(headerValue, mailbox.ToHeaderValue());
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData(" ", "is empty")]
    [InlineData("Name <user@example.com>\r\n", ControlCharacter)]
    [InlineData("Na\nme <user@example.com>", ControlCharacter)]
    [InlineData("Name user@example.com>", "has a '>' without a matching '<'")]
    [InlineData("Name <a@example.com, b@example.com>", NotAList)]
    [InlineData("Name <>", NotAnAddress)]
    [InlineData("Na\"me <a@example.com>", "has a display name with '<', '>' or '\"'; quote it: \"Name\" <user@example.com>")]
    [InlineData("\"Unclosed\"\" <a@example.com>", "has an unescaped '\"' inside its quoted display name")]
    [InlineData("Name <josé@example.com>", "has a non-ASCII local part, which SES cannot send to (only the domain may be international)")]
    public void TryParseMailbox_BadForm_IsRejectedWithTheReason(string? text, string expectedProblem)
    {
        Assert.False(EmailAddressParser.TryParseMailbox(text, out var mailbox, out var problem));

        Assert.Null(mailbox);
        Assert.Equal(expectedProblem, problem);
    }

    [Fact]
    public void TryParseMailbox_DisplayNameLongerThan256_IsRejected()
    {
        Assert.True(EmailAddressParser.TryParseMailbox(new string('n', 256) + " <a@example.com>", out _, out _));

        Assert.False(EmailAddressParser.TryParseMailbox(new string('n', 257) + " <a@example.com>", out _, out var problem));
        Assert.Equal("has a display name longer than 256 characters", problem);
    }
}
