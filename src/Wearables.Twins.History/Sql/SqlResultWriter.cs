using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Wearables.Twins.History.Sql;

/// <summary>Writes a <see cref="SqlResult"/> as JSON or CSV, row by row, in invariant culture.</summary>
public static class SqlResultWriter
{
    /// <summary>
    /// <c>{"columns":[{"name":…,"type":…}],"rows":[[…]],"rowCount":n,"truncated":false,"elapsedMs":…}</c>;
    /// timestamps as RFC 3339, lists as arrays, NaN and infinities as null.
    /// </summary>
    public static async Task WriteJsonAsync(SqlResult result, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("columns");
        foreach (var column in result.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteNumber("rowCount", result.Rows.Count);
        json.WriteBoolean("truncated", result.Truncated);
        json.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds, 1));
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>RFC 4180 CSV with a header row; lists are written as JSON arrays inside one field.</summary>
    public static async Task WriteCsvAsync(SqlResult result, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(string.Join(',', result.Columns.Select(c => Quote(c.Name))).AsMemory(), cancellationToken);
        var line = new StringBuilder();
        foreach (var row in result.Rows)
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? "" : ",").Append(Quote(Text(row[i])));
            }

            await output.WriteLineAsync(line, cancellationToken);
        }
    }

    /// <summary>A value as display text: what CSV and table output show.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        object?[] items => "[" + string.Join(", ", items.Select(Text)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case double number when !double.IsFinite(number):
            case float single when !float.IsFinite(single):
                json.WriteNullValue();
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case float number:
                json.WriteNumberValue(number);
                break;
            case long or int or short or sbyte or byte or ushort or uint or ulong or decimal:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case System.Numerics.BigInteger big:
                json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                break;
            case object?[] items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }
}
