using System.Diagnostics;
using Wearables.Twins.Risk.Evaluation;

// Usage: dotnet run --project tests/Wearables.Twins.Risk.Evaluation -c Release [-- --healthy N --per-scenario N --output PATH]
var healthy = Argument("--healthy", 60);
var perScenario = Argument("--per-scenario", 30);
var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault() ?? ReportWriter.DefaultPath();

if (args.Contains("--show-alerts"))
{
    // Diagnostic: list what opened for a few healthy patients.
    for (var i = 0; i < healthy; i++)
    {
        var run = Wearables.Twins.Risk.Evaluation.Synthetic.PatientRun.Play(new(HashCode.Combine(1, Wearables.Twins.Risk.Evaluation.Synthetic.ScenarioKind.Healthy, i), Wearables.Twins.Risk.Evaluation.Synthetic.ScenarioKind.Healthy));
        foreach (var opened in run.Opened)
        {
            Console.WriteLine($"{i} {opened.At:MM-dd HH:mm} {opened.Finding.Kind} {opened.Finding.Level}: {opened.Finding.Summary} [{string.Join("; ", opened.Finding.Evidence.Select(e => $"{e.Vital} {e.Time:dd HH:mm} {e.Value} {e.Value2}"))}]");
        }
    }

    return 0;
}

var clock = Stopwatch.StartNew();
var report = ReportWriter.Run(healthy, perScenario);
await File.WriteAllTextAsync(output, report);
Console.WriteLine(report);
Console.WriteLine($"wrote {output} in {clock.Elapsed.TotalSeconds:0} s");
return 0;

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
