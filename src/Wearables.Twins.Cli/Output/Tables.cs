using Spectre.Console;

namespace Wearables.Twins.Cli.Output;

/// <summary>
/// Table helpers. Cells are <see cref="Text"/>, never markup: units such as <c>mm[Hg]</c> and service messages
/// contain brackets that Spectre would otherwise read as styles.
/// </summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    public static Table RightAlign(this Table table, params int[] columns)
    {
        foreach (var column in columns)
        {
            table.Columns[column].RightAligned();
        }

        return table;
    }

    public static Table AddTextRow(this Table table, params string?[] cells)
        => table.AddRow([.. cells.Select(c => new Text(c ?? string.Empty))]);
}
