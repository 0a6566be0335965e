using Wearables.Twins.Simulator.Cli;

return await SimulatorCli.CreateRootCommand().Parse(args).InvokeAsync();
