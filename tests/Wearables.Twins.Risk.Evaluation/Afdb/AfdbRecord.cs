using System.Globalization;
using System.IO.Compression;

namespace Wearables.Twins.Risk.Evaluation.Afdb;

/// <summary>
/// One MIT-BIH Atrial Fibrillation Database record as text (Moody &amp; Mark 1983, PhysioNet, ODC-BY 1.0):
/// qrsNNNNN.txt = "previous sample, RR (s), sample" per beat at 250 Hz; atrNNNNN.txt = rhythm changes "(N", "(AFIB", …
/// </summary>
public sealed record AfdbRecord(string Name, double[] BeatTimes, double[] RrMs, (double Start, string Rhythm)[] Rhythms)
{
    public const double SamplingHz = 250;

    public static AfdbRecord Load(string folder, string name)
    {
        var times = new List<double>();
        var rr = new List<double>();
        foreach (var line in Lines(folder, $"qrs{name}.txt"))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sample))
            {
                times.Add(sample / SamplingHz);
                rr.Add(seconds * 1000);
            }
        }

        var rhythms = new List<(double, string)>();
        foreach (var line in Lines(folder, $"atr{name}.txt").Skip(1))
        {
            var tab = line.LastIndexOf('\t');
            var parts = line[..Math.Max(0, tab)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tab > 0 && parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sample))
            {
                rhythms.Add((sample / SamplingHz, line[(tab + 1)..].Trim().TrimStart('(')));
            }
        }

        return new AfdbRecord(name, [.. times], [.. rr], [.. rhythms]);
    }

    /// <summary>The names of the records present in <paramref name="folder"/> (plain or gzipped text).</summary>
    public static IReadOnlyList<string> Names(string folder)
        => [.. Directory.EnumerateFiles(folder, "qrs*.txt*")
            .Select(f => Path.GetFileName(f).Split('.')[0][3..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Lines(string folder, string file)
    {
        var plain = Path.Combine(folder, file);
        if (File.Exists(plain))
        {
            foreach (var line in File.ReadLines(plain))
            {
                yield return line;
            }

            yield break;
        }

        using var reader = new StreamReader(new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Share of [from, to) spent in each rhythm (the first annotation is taken to start at 0).</summary>
    public Dictionary<string, double> RhythmShares(double from, double to)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Rhythms.Length; i++)
        {
            var start = i == 0 ? 0 : Rhythms[i].Start;
            var end = i + 1 < Rhythms.Length ? Rhythms[i + 1].Start : double.MaxValue;
            var overlap = Math.Min(end, to) - Math.Max(start, from);
            if (overlap > 0)
            {
                shares[Rhythms[i].Rhythm] = shares.GetValueOrDefault(Rhythms[i].Rhythm) + (overlap / (to - from));
            }
        }

        return shares;
    }

    /// <summary>Finds the AFDB folder: $AFDB_DIR, the repository's tests/data/afdb, or shared/data/afdb above it.</summary>
    public static string LocateFolder()
    {
        if (Environment.GetEnvironmentVariable("AFDB_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "data", "afdb"), Path.Combine(dir.FullName, "shared", "data", "afdb") })
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("MIT-BIH AFDB text files not found: set AFDB_DIR or place them at ../shared/data/afdb.");
    }
}
