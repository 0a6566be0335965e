using Wearables.Twins.Cli;

return await TwinsCommandLine.InvokeAsync(args, Console.Out, Console.Error);
