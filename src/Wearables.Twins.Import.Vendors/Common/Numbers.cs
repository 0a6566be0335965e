using System.Globalization;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>Numbers as exports write them: invariant culture, optionally a decimal comma.</summary>
internal static class Numbers
{
    /// <summary>
    /// Parses a decimal number written with a point. With <paramref name="allowDecimalComma"/> a single comma is read
    /// as the decimal separator (36,6) — only sensible when the comma cannot be a field delimiter. Thousands
    /// separators are never accepted: "1,234" could be either, and guessing would import a wrong number.
    /// </summary>
    public static bool TryParse(string? text, bool allowDecimalComma, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (allowDecimalComma && trimmed.Contains(',', StringComparison.Ordinal) && !trimmed.Contains('.', StringComparison.Ordinal))
        {
            trimmed = trimmed.Replace(',', '.');
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryParse(string? text, out double value) => TryParse(text, allowDecimalComma: false, out value);

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
