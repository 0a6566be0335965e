using System.Collections.Frozen;
using System.Text.Json;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>The embedded templates and strings per supported language, loaded once.</summary>
public sealed class NotificationTemplates
{
    public const string English = "en";
    public const string BrazilianPortuguese = "pt-BR";

    private readonly FrozenDictionary<string, LanguagePack> _packs;

    public NotificationTemplates()
    {
        _packs = new Dictionary<string, LanguagePack>(StringComparer.Ordinal)
        {
            [English] = Load(English),
            [BrazilianPortuguese] = Load(BrazilianPortuguese),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The pack for a BCP 47 tag: any Portuguese tag gets pt-BR; anything else English.</summary>
    public LanguagePack For(string? language)
        => language is not null && language.StartsWith("pt", StringComparison.OrdinalIgnoreCase)
            ? _packs[BrazilianPortuguese]
            : _packs[English];

    public static string Normalize(string? language)
        => language is not null && language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? BrazilianPortuguese : English;

    private static LanguagePack Load(string language)
    {
        var strings = JsonSerializer.Deserialize(Resource($"{language}/strings.json"), WorkersJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidOperationException($"Template strings for {language} are empty.");
        return new LanguagePack(language, strings.ToFrozenDictionary(StringComparer.Ordinal),
            Resource($"{language}/email.txt"), Resource($"{language}/email.html"), Resource($"{language}/sms.txt").TrimEnd());
    }

    private static string Resource(string name)
    {
        using var stream = typeof(NotificationTemplates).Assembly.GetManifestResourceStream("Templates/" + name)
            ?? throw new InvalidOperationException($"Embedded template Templates/{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One language's strings and templates.</summary>
public sealed record LanguagePack(string Language, FrozenDictionary<string, string> Strings, string EmailText, string EmailHtml, string Sms)
{
    public string this[string key] => Strings.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"Template string '{key}' is missing for {Language}.");

    public string? Find(string key) => Strings.GetValueOrDefault(key);
}
