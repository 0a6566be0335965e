using System.Text;

namespace Wearables.Twins.Aws.Signing;

/// <summary>The URI encoding SigV4 prescribes: RFC 3986 unreserved characters stay, every other UTF-8 byte becomes %XX (upper-case hex).</summary>
internal static class SigV4Encoding
{
    public static void AppendEncoded(StringBuilder builder, string text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                builder.Append('%').Append(HexUpper[utf8[i] >> 4]).Append(HexUpper[utf8[i] & 0xF]);
            }
        }
    }

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        AppendEncoded(builder, text);
        return builder.ToString();
    }

    private static bool IsUnreserved(char c)
        => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private const string HexUpper = "0123456789ABCDEF";
}
