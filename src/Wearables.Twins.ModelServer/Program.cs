using Wearables.Twins.ModelServer;

await ModelServerApp.Build(args).RunAsync();

/// <summary>Entry point; public so tests can reference the assembly's host.</summary>
public partial class Program;
