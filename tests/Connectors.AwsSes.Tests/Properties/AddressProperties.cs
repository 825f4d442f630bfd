using System.Text;
using System.Text.RegularExpressions;
using Connectors.AwsSes.Addresses;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.AwsSes.Tests.Properties;

/// <summary>
/// Properties of address parsing and RFC 2047 display names for arbitrary text: nothing throws, and
/// whatever is accepted is one line of printable ASCII that SES takes as it is.
/// </summary>
public sealed partial class AddressProperties
{
    private const int MaxTest = 1000;
    private const int MaxEncodedWordLength = 75;

    [Property(MaxTest = MaxTest)]
    public Property Encode_WellFormedText_DecodesBackToItself() =>
        Prop.ForAll(SesGen.WellFormedText.ToArbitrary(), name =>
        {
            Assert.Equal(name, DisplayNameEncoder.Decode(DisplayNameEncoder.Encode(name)));
        });

    [Property(MaxTest = MaxTest)]
    public Property Encode_AnyText_DecodesBackToItWithUnpairedSurrogatesAsReplacementCharacters() =>
        Prop.ForAll(SesGen.Text.ToArbitrary(), name =>
        {
            Assert.Equal(WithReplacementCharacters(name), DisplayNameEncoder.Decode(DisplayNameEncoder.Encode(name)));
        });

    [Property(MaxTest = MaxTest)]
    public Property Encode_AnyText_IsOnePrintableAsciiLineOfEncodedWordsOfAtMost75Characters() =>
        Prop.ForAll(SesGen.Text.ToArbitrary(), name =>
        {
            var encoded = DisplayNameEncoder.Encode(name);

            AssertPrintableAscii(encoded);
            if (encoded.StartsWith("=?", StringComparison.Ordinal))
            {
                foreach (var word in encoded.Split(' '))
                {
                    Assert.Matches(EncodedWord(), word);
                    Assert.InRange(word.Length, 1, MaxEncodedWordLength);
                }
            }
            else if (encoded.StartsWith('"'))
            {
                Assert.EndsWith("\"", encoded, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(name, encoded); // Plain words go as they are.
            }
        });

    [Property(MaxTest = MaxTest)]
    public Property TryParseAddress_AnyText_AcceptsOnlyOnePrintableAsciiAddressThatParsesToItself() =>
        Prop.ForAll(SesGen.Address.ToArbitrary(), text =>
        {
            if (!EmailAddressParser.TryParseAddress(text, out var address, out var problem))
            {
                Assert.False(string.IsNullOrEmpty(problem));
                return;
            }

            var wire = address.Address;
            AssertPrintableAscii(wire);
            Assert.InRange(wire.Length, 3, EmailAddressParser.MaxAddressLength);
            Assert.Equal(1, wire.Count(c => c == '@'));
            Assert.DoesNotContain(',', wire);
            Assert.DoesNotContain(';', wire);
            Assert.Null(address.DisplayName);
            Assert.True(EmailAddressParser.TryParseAddress(wire, out var again, out _));
            Assert.Equal(wire, again.Address);
        });

    [Property(MaxTest = MaxTest)]
    public Property TryParseMailbox_AnyText_AcceptsOnlyMailboxesWhoseHeaderIsOnePrintableAsciiLine() =>
        Prop.ForAll(SesGen.Mailbox.ToArbitrary(), text =>
        {
            if (!EmailAddressParser.TryParseMailbox(text, out var mailbox, out var problem))
            {
                Assert.False(string.IsNullOrEmpty(problem));
                return;
            }

            var header = mailbox.ToHeaderValue();
            AssertPrintableAscii(header);
            Assert.True(EmailAddressParser.TryParseMailbox(header, out var again, out _), header);
            Assert.Equal(mailbox.Address, again.Address);
            if (mailbox.DisplayName is { } name)
            {
                Assert.Equal(WithReplacementCharacters(name), DisplayNameEncoder.Decode(header[..header.LastIndexOf(" <", StringComparison.Ordinal)]));
            }
        });

    internal static void AssertPrintableAscii(string header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            Assert.True(header[i] is >= ' ' and <= '~', $"Character U+{(int)header[i]:X4} at {i} of {SesGen.JsonString(header)} is not printable ASCII.");
        }
    }

    private static string WithReplacementCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    [GeneratedRegex("^=\\?UTF-8\\?B\\?[A-Za-z0-9+/]*={0,2}\\?=$", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();
}
