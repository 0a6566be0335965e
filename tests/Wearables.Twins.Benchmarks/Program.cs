using System.CommandLine;
using Wearables.Twins.Benchmarks.AppleImport;
using Wearables.Twins.Benchmarks.Ingest;
using Wearables.Twins.Benchmarks.Lake;
using Wearables.Twins.Benchmarks.Notify;

// One sub-command per benchmark; each measures, prints a table and rewrites its own section of docs/benchmarks.md.
var root = new RootCommand("Wearables.Twins benchmarks: the real host process driven by the fleet simulator.")
{
    IngestCommand.Create(),
    AppleImportCommand.Create(),
    LakeCommand.Create(),
    NotifyCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
