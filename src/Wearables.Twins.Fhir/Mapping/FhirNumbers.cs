using System.Globalization;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>Doubles as FHIR decimals: 15 significant digits, no trailing zeros (98.6 °F → 37 °C, not 36.99999999999999).</summary>
internal static class FhirNumbers
{
    public static decimal ToDecimal(double value)
        => decimal.Parse(Format(value), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("G15", CultureInfo.InvariantCulture);
}
