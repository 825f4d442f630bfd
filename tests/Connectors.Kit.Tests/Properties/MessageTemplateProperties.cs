using System.Text;
using System.Text.Json;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Kit.Tests.Properties;

/// <summary>
/// Properties of the renderer for arbitrary templates and payloads: it never throws, HTML bodies
/// get no markup from a value, and single-line output has no line break.
/// </summary>
public sealed class MessageTemplateProperties
{
    private const int MaxTest = 500;

    private static readonly string[] Entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

    /// <summary>A template made of literal text and placeholders, and a payload as JSON.</summary>
    public sealed record TemplateCase(IReadOnlyList<(string Literal, string Placeholder)> Parts, string Tail, string PayloadJson)
    {
        public string Text => string.Concat(Parts.Select(p => p.Literal + p.Placeholder)) + Tail;

        public SendMessagePayload Payload()
        {
            using var document = JsonDocument.Parse(PayloadJson);
            return SendMessagePayload.FromJson(document.RootElement);
        }

        public override string ToString() => $"template {KitGen.JsonString(Text)} with payload {PayloadJson}";
    }

    private static Arbitrary<TemplateCase> Cases { get; } =
        (from parts in Gen.Choose(0, 6).SelectMany(count => Gen.Zip(KitGen.Literal, KitGen.Placeholder).ListOf(count))
         from tail in KitGen.Literal
         from payload in KitGen.JsonPayload
         select new TemplateCase([.. parts.Select(p => (p.Item1, p.Item2))], tail, payload)).ToArbitrary();

    private static Arbitrary<(string Template, string PayloadJson)> AnyTemplate { get; } =
        Gen.Zip(KitGen.Text, KitGen.JsonPayload).ToArbitrary();

    [Property(MaxTest = MaxTest)]
    public Property Html_AValueInsideMarkup_AddsNoMarkupAndDecodesBackToTheValue() =>
        Prop.ForAll(KitGen.Text.ToArbitrary(), value =>
        {
            var payload = new SendMessagePayload { Values = new Dictionary<string, JsonElement> { ["x"] = JsonSerializer.SerializeToElement(value) } };
            var wire = JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value))!; // What JSON carries: unpaired surrogates as U+FFFD.

            var html = MessageTemplate.Parse("<p>{{x}}</p>").Render(payload, TemplateRenderMode.Html);

            Assert.StartsWith("<p>", html, StringComparison.Ordinal);
            Assert.EndsWith("</p>", html, StringComparison.Ordinal);
            Assert.Equal(2, html.Count(c => c == '<'));
            Assert.Equal(2, html.Count(c => c == '>'));
            var rendered = html[3..^4];
            AssertMarkupFree(rendered);
            Assert.Equal(wire, Decode(rendered));
        });

    [Property(MaxTest = MaxTest)]
    public Property Html_AnyTemplateAndPayload_IsTheLiteralsWithEscapedValuesBetween() =>
        Prop.ForAll(Cases, sample =>
        {
            var payload = sample.Payload();

            var html = MessageTemplate.Parse(sample.Text).Render(payload, TemplateRenderMode.Html);

            var expected = new StringBuilder();
            foreach (var (literal, placeholder) in sample.Parts)
            {
                var value = MessageTemplate.Parse(placeholder).Render(payload, TemplateRenderMode.Html);
                var raw = MessageTemplate.Parse(placeholder).Render(payload, TemplateRenderMode.Raw);
                AssertMarkupFree(value);
                Assert.Equal(raw, Decode(value));
                expected.Append(literal).Append(value);
            }

            Assert.Equal(expected.Append(sample.Tail).ToString(), html);
        });

    [Property(MaxTest = MaxTest)]
    public Property SingleLine_AnyTemplateAndPayload_HasNoLineBreak() =>
        Prop.ForAll(Cases, sample =>
        {
            var subject = MessageTemplate.Parse(sample.Text).Render(sample.Payload(), TemplateRenderMode.SingleLine);

            Assert.DoesNotContain('\r', subject);
            Assert.DoesNotContain('\n', subject);
        });

    [Property(MaxTest = MaxTest)]
    public Property Render_ArbitraryTemplateTextAndPayload_NeverThrowsInAnyMode() =>
        Prop.ForAll(AnyTemplate, sample =>
        {
            using var document = JsonDocument.Parse(sample.PayloadJson);
            var payload = SendMessagePayload.FromJson(document.RootElement);
            var template = MessageTemplate.Parse(sample.Template);

            foreach (var mode in Enum.GetValues<TemplateRenderMode>())
            {
                Assert.NotNull(template.Render(payload, mode));
            }

            Assert.NotNull(HtmlText.ToPlainText(template.Render(payload, TemplateRenderMode.Html)));
        });

    private static void AssertMarkupFree(string rendered)
    {
        for (var i = 0; i < rendered.Length; i++)
        {
            Assert.False(rendered[i] is '<' or '>' or '"' or '\'', $"Markup character '{rendered[i]}' at {i} in {KitGen.JsonString(rendered)}.");
            if (rendered[i] == '&')
            {
                Assert.True(Entities.Any(e => rendered.AsSpan(i).StartsWith(e, StringComparison.Ordinal)), $"A bare '&' at {i} in {KitGen.JsonString(rendered)}.");
            }
        }
    }

    // The inverse of the five escapes; "&amp;" last, so "&amp;lt;" becomes "&lt;", not "<".
    private static string Decode(string html) => html
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&#39;", "'", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);
}
