using BenchmarkDotNet.Attributes;
using Connectors.AwsSes.Benchmarks.Support;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Benchmarks.Micro;

/// <summary>The placeholder renderer alone, on the benchmark's sign-in template.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RenderBenchmarks
{
    private MessageTemplate _subject = null!;
    private MessageTemplate _html = null!;
    private MessageTemplate _text = null!;
    private SendMessagePayload _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subject = MessageTemplate.Parse(BenchmarkConfig.SignInSubject);
        _html = MessageTemplate.Parse(BenchmarkConfig.SignInContent);
        _text = MessageTemplate.Parse(HtmlText.ToPlainText(BenchmarkConfig.SignInContent));
        _payload = BenchmarkConfig.CreateMessage().Payload;
    }

    [Benchmark]
    public string Subject() => _subject.Render(_payload, TemplateRenderMode.SingleLine);

    [Benchmark(Baseline = true)]
    public string HtmlBody() => _html.Render(_payload, TemplateRenderMode.Html);

    [Benchmark]
    public string TextBody() => _text.Render(_payload, TemplateRenderMode.Raw);
}
