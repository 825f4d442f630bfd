using System.Text;

namespace Connectors.Kit.Templates;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread and slot, so that rendering a template
/// allocates its result string and nothing else. Rendering is synchronous, so a builder is never
/// held across threads; a builder taken and not given back is simply not reused.
/// </summary>
internal static class StringBuilderCache
{
    /// <summary>Builders that grew past this many characters are left to the garbage collector.</summary>
    private const int MaxCachedCapacity = 32 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_output;

    [ThreadStatic]
    private static StringBuilder? t_value;

    /// <summary>Takes the thread's output builder, empty, or a new one.</summary>
    public static StringBuilder AcquireOutput(int capacity) => Acquire(ref t_output, capacity);

    /// <summary>Takes the thread's scratch builder for a single value, empty, or a new one.</summary>
    public static StringBuilder AcquireValue() => Acquire(ref t_value, 16);

    /// <summary>Returns the text of <paramref name="builder"/> and gives it back as the thread's output builder.</summary>
    public static string ToStringAndReleaseOutput(StringBuilder builder)
    {
        var text = builder.ToString();
        Release(ref t_output, builder);
        return text;
    }

    /// <summary>Gives a scratch builder back.</summary>
    public static void ReleaseValue(StringBuilder builder) => Release(ref t_value, builder);

    private static StringBuilder Acquire(ref StringBuilder? slot, int capacity)
    {
        var cached = slot;
        if (cached is not null)
        {
            slot = null;
            cached.Clear();
            cached.EnsureCapacity(capacity);
            return cached;
        }

        return new StringBuilder(capacity);
    }

    private static void Release(ref StringBuilder? slot, StringBuilder builder)
    {
        if (builder.Capacity <= MaxCachedCapacity)
        {
            slot = builder;
        }
    }
}
