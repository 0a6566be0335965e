using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>
/// The whole templating language: <c>{{name}}</c> is replaced by a value, HTML-encoded in HTML templates.
/// No logic, no raw output; an unknown name is an error, so a typo fails at start-up, not in a patient's inbox.
/// </summary>
public static partial class TemplateRenderer
{
    // Encodes markup characters (< > & " ') but leaves accented letters readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool html)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(template.Length + 256);
        var last = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            output.Append(template, last, match.Index - last);
            var name = match.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
            {
                throw new KeyNotFoundException($"Template placeholder '{{{{{name}}}}}' has no value.");
            }

            output.Append(html ? Html.Encode(value) : value);
            last = match.Index + match.Length;
        }

        output.Append(template, last, template.Length - last);
        return output.ToString();
    }

    [GeneratedRegex(@"\{\{([a-z0-9_.]+)\}\}")]
    private static partial Regex Placeholder();
}
