using System.Xml;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// A forward-only XmlReader that turns a parse error into a state instead of an exception: async iterators
/// cannot yield from a catch block, and the element readers nest, so every read goes through here and a broken
/// file simply looks finished. <see cref="ExportXmlReader"/> then reports the break once.
/// </summary>
internal sealed class XmlCursor(XmlReader reader)
{
    public XmlReader Reader => reader;

    /// <summary>The parse error that ended the document early, if any.</summary>
    public XmlException? Failure { get; private set; }

    /// <summary>Line of the current node, for messages.</summary>
    public int Line => reader is IXmlLineInfo info ? info.LineNumber : 0;

    public async ValueTask<bool> ReadAsync()
    {
        if (Failure is not null)
        {
            return false;
        }

        try
        {
            return await reader.ReadAsync();
        }
        catch (XmlException ex)
        {
            Failure = ex;
            return false;
        }
    }

    /// <summary>The children of the element the reader is on; take them before reading anything else.</summary>
    public XmlChildren Children() => new(this, reader.Depth, reader.IsEmptyElement);

    /// <summary>
    /// Moves to the next child element (one level below <paramref name="parentDepth"/>), skipping deeper nodes;
    /// false once the parent's end tag is reached.
    /// </summary>
    public async ValueTask<bool> NextChildAsync(int parentDepth)
    {
        while (await ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
            {
                return false;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Moves to the end of the element that started at <paramref name="depth"/>, unless an element reader already
    /// went there. Not XmlReader.Skip: it lands on the following node, which the caller's next read would skip.
    /// </summary>
    public async ValueTask FinishElementAsync(int depth, bool isEmpty)
    {
        if (isEmpty || (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            return;
        }

        while (await ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }
        }
    }
}

/// <summary>Walks the child elements of one element, whether it is empty (<c>&lt;Record/&gt;</c>) or not.</summary>
internal readonly struct XmlChildren(XmlCursor cursor, int depth, bool isEmpty)
{
    public ValueTask<bool> NextAsync() => isEmpty ? ValueTask.FromResult(false) : cursor.NextChildAsync(depth);
}
