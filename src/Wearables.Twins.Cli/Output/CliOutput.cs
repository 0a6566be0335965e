using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wearables.Twins.Cli.Output;

/// <summary>
/// Where commands write: tables through Spectre.Console, JSON and plain lines straight to stdout (so nothing
/// rewraps or recolours them), errors to stderr with the "error: " prefix scripts can grep for.
/// </summary>
internal sealed class CliOutput
{
    // Wide enough that tables are not wrapped when piped to a file or another program; a terminal uses its own width.
    private const int RedirectedWidth = 160;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public CliOutput(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Console = CreateConsole(stdout);
    }

    public IAnsiConsole Console { get; }

    public void Write(IRenderable renderable) => Console.Write(renderable);

    public void Line(string text) => _stdout.WriteLine(text);

    /// <summary>Writes a response body exactly as the service sent it.</summary>
    public void Json(string body)
    {
        _stdout.Write(body);
        if (!body.EndsWith('\n'))
        {
            _stdout.WriteLine();
        }
    }

    public void Error(string sentence) => _stderr.WriteLine($"error: {sentence}");

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        // Colours and terminal width only on a real terminal; captured or piped output stays plain text.
        var isTerminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
