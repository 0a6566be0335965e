using System.CommandLine;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands;

/// <summary>One invocation: its parsed arguments, a client for the chosen service, and where to write.</summary>
internal sealed record CommandContext(ParseResult Parse, TwinsApiClient Api, CliOutput Output);
