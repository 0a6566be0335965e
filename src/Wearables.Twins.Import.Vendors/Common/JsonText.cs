using System.Text.Json;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>
/// The JSON reader checks a document's structure but not the text inside its strings: bytes that are not UTF-8 and
/// escaped lone surrogates (<c>"\ud800"</c>) only fail, with an <see cref="InvalidOperationException"/>, when the text
/// is read. A damaged file has them; checking each element once lets it be rejected alone instead of ending the import.
/// </summary>
internal static class JsonText
{
    public const string Problem = "holds text that is neither UTF-8 nor valid UTF-16 escapes; the element is not read";

    /// <summary>Whether every string and property name of <paramref name="element"/> can be read as text.</summary>
    public static bool IsReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryRead(element);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!IsReadable(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryName(property) || !IsReadable(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>A property name, or U+FFFD (which no reader looks for) when it cannot be read as text.</summary>
    public static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }

    private static bool TryRead(JsonElement text)
    {
        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
