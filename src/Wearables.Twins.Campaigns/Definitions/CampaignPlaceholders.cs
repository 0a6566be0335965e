using System.Text;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// The whole templating of campaign texts: <c>{campaign}</c> (the campaign's name) and <c>{opt_out_url}</c> (the
/// opt-out link). Anything else in braces is refused when the campaign is defined, so a typo never reaches a
/// patient. The service keeps no patient names, so there is no <c>{name}</c>.
/// </summary>
public static partial class CampaignPlaceholders
{
    public const string Campaign = "campaign";
    public const string OptOutUrl = "opt_out_url";

    public static readonly IReadOnlyList<string> Known = [Campaign, OptOutUrl];

    /// <summary>Placeholder names in <paramref name="text"/> that are not <see cref="Known"/>, each once.</summary>
    public static IReadOnlyList<string> Unknown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unknown = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (name is not (Campaign or OptOutUrl) && !unknown.Contains(name))
            {
                unknown.Add(name);
            }
        }

        return unknown;
    }

    public static bool UsesOptOutUrl(string text) => text.Contains("{" + OptOutUrl + "}", StringComparison.Ordinal);

    /// <summary>Replaces the known placeholders; unknown ones (impossible after validation) stay as written.</summary>
    public static string Render(string text, string campaignName, string optOutUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + optOutUrl.Length + campaignName.Length);
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var value = match.Groups[1].Value switch
            {
                Campaign => campaignName,
                OptOutUrl => optOutUrl,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            output.Append(text, last, match.Index - last).Append(value);
            last = match.Index + match.Length;
        }

        return output.Append(text, last, text.Length - last).ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
