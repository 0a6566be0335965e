using System.Text;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>What <c>CanRead</c> looks at: the file's name and the text of its first bytes.</summary>
internal static class FileHead
{
    public static string BaseName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return string.Empty;
        }

        var cut = fileName.LastIndexOfAny(['/', '\\']);
        return cut >= 0 ? fileName[(cut + 1)..] : fileName;
    }

    public static bool HasExtension(string? fileName, params ReadOnlySpan<string> extensions)
    {
        var name = BaseName(fileName);
        foreach (var extension in extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The head as text (UTF-8, byte order mark dropped; a character cut at the end becomes U+FFFD).</summary>
    public static string Text(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        return Encoding.UTF8.GetString(head);
    }

    /// <summary>The first line of the head, without its terminator.</summary>
    public static string FirstLine(ReadOnlySpan<byte> head)
    {
        var text = Text(head);
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>The first character that is not white space, or '\0'.</summary>
    public static char FirstSignificant(ReadOnlySpan<byte> head)
    {
        foreach (var c in Text(head))
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public static bool IsSqlite(ReadOnlySpan<byte> head) => head.StartsWith("SQLite format 3\0"u8);

    /// <summary>The name of the first entry of a ZIP archive, read from its first local file header.</summary>
    public static string? FirstZipEntryName(ReadOnlySpan<byte> head)
    {
        if (!IsZip(head) || head.Length < 30)
        {
            return null;
        }

        var nameLength = head[26] | (head[27] << 8);
        return head.Length < 30 + nameLength ? null : Encoding.UTF8.GetString(head.Slice(30, nameLength));
    }

    /// <summary>The header's column names, split on <paramref name="delimiter"/> and unquoted (no embedded delimiters expected).</summary>
    public static string[] HeaderColumns(string firstLine, char delimiter)
        => [.. firstLine.Split(delimiter).Select(c => c.Trim().Trim('"').Trim())];
}
