using System.Globalization;

namespace Connectors.Kit.Templates;

/// <summary>
/// Formats a JSON number the way JavaScript's <c>String(number)</c> does, so a template renders
/// <c>1.0</c> as <c>1</c> and <c>1e21</c> as <c>1e+21</c>, exactly as in Logto.
/// </summary>
internal static class JsNumberFormatter
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest round-trip digits, as ECMAScript's Number::toString requires.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var sign = value < 0 ? "-" : string.Empty;
        var k = digits.Length;
        var n = exponent; // value = 0.digits * 10^n

        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var exponentText = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? sign + digits + "e" + exponentText
            : sign + digits[..1] + "." + digits[1..] + "e" + exponentText;
    }

    // Splits "1.2345E+21" / "123.45" / "1E-07" into significant digits and n where value = 0.d1d2... * 10^n.
    private static (string Digits, int Exponent) Decompose(string text)
    {
        var exponent = 0;
        var ePosition = text.IndexOfAny(['E', 'e']);
        if (ePosition >= 0)
        {
            exponent = int.Parse(text.AsSpan(ePosition + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..ePosition];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fractionPart = point >= 0 ? text[(point + 1)..] : string.Empty;
        var all = integerPart + fractionPart;
        var n = integerPart.Length + exponent;

        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        n -= leading;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, n);
    }
}
