using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// A generated envelope: the members around <c>samples</c>, the samples with what the decoder must make of each,
/// and how the JSON is written (member order, indentation, raw UTF-8 or \u escapes for non-ASCII text).
/// </summary>
internal sealed record EnvelopeCase(
    JsonObject Header, IReadOnlyList<SampleCase> Samples, bool SamplesFirst, bool Indented, bool RawUtf8)
{
    private static readonly JsonSerializerOptions Compact = new();
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions CompactUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions PrettyUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public string ToJson()
    {
        var root = new JsonObject();
        if (SamplesFirst)
        {
            root["samples"] = SamplesArray();
        }

        foreach (var (key, value) in Header)
        {
            root[key] = value?.DeepClone();
        }

        if (!SamplesFirst)
        {
            root["samples"] = SamplesArray();
        }

        return root.ToJsonString((Indented, RawUtf8) switch
        {
            (false, false) => Compact,
            (true, false) => Pretty,
            (false, true) => CompactUtf8,
            (true, true) => PrettyUtf8,
        });
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToJson());

    /// <summary>Drops one sample, unless a later duplicate refers to it: FsCheck's shrinker for a failing case.</summary>
    public IEnumerable<EnvelopeCase> Shrink()
    {
        for (var i = 0; i < Samples.Count && Samples.Count > 1; i++)
        {
            var candidate = Samples[i];
            if (Samples.Any(s => ReferenceEquals(s.DuplicateOf, candidate)))
            {
                continue;
            }

            yield return this with { Samples = [.. Samples.Where((_, index) => index != i)] };
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder(ToJson()).AppendLine();
        for (var i = 0; i < Samples.Count; i++)
        {
            if (Samples[i].Corruption is { } corruption)
            {
                text.Append("  sample ").Append(i).Append(": ").Append(corruption).Append(" -> ")
                    .AppendLine(Samples[i].ExpectedReason ?? $"duplicate of sample {IndexOf(Samples[i].DuplicateOf)}");
            }
        }

        return text.ToString();
    }

    private int IndexOf(SampleCase? sample) => Samples.ToList().FindIndex(s => ReferenceEquals(s, sample));

    private JsonArray SamplesArray() => new([.. Samples.Select(s => s.Json?.DeepClone())]);
}
