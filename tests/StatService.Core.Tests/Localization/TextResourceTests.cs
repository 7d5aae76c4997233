using System.Text.RegularExpressions;
using StatService.Core.Localization;
using StatService.Core.Tests.CodeLists;

namespace StatService.Core.Tests.Localization;

/// <summary>The one text resource: every key in both languages, and every key the pages and the server use is in it.</summary>
public sealed partial class TextResourceTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(RepositoryCodeLists.Folder, "..", ".."));

    [Fact]
    public void Every_key_has_a_danish_and_an_english_text_with_the_same_placeholders()
    {
        var danish = Texts.Of(Texts.Danish);
        var english = Texts.Of(Texts.English);
        Assert.Empty(danish.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(danish.Keys));
        foreach (var (key, da) in danish)
        {
            Assert.False(string.IsNullOrWhiteSpace(da), $"{key} has no Danish text");
            Assert.False(string.IsNullOrWhiteSpace(english[key]), $"{key} has no English text");
            Assert.True(
                Placeholders(da).SetEquals(Placeholders(english[key])),
                $"{key}: Danish and English name different placeholders");
        }
    }

    [Fact]
    public void Every_key_the_pages_use_is_translated()
    {
        var wwwroot = Path.Combine(Root, "src", "StatService.Api", "wwwroot");
        var used = Directory.EnumerateFiles(wwwroot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .SelectMany(f => PageKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToArray();
        Assert.True(used.Length > 100, "The pages should use the resource's keys.");
        Assert.All(used, u => Assert.True(Texts.Of(Texts.Danish).ContainsKey(u.Key), $"{u.File} uses '{u.Key}', which has no text"));
    }

    [Fact]
    public void Every_key_the_server_uses_is_translated()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ServerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToArray();
        Assert.True(used.Length > 50, "The server should use the resource's keys.");
        Assert.All(used, u => Assert.True(Texts.Of(Texts.English).ContainsKey(u.Key), $"{u.File} uses '{u.Key}', which has no text"));
    }

    [Fact]
    public void A_missing_key_fails_loudly_rather_than_showing_the_key()
    {
        Assert.Throws<KeyNotFoundException>(() => Texts.Get(Texts.Danish, "no.such.key"));
    }

    [Theory]
    [InlineData("Must be \"male\", \"female\" or null (both).", "Skal være \"male\" (mænd), \"female\" (kvinder) eller null (begge).")]
    [InlineData("Unknown SKS procedure code prefix 'KX'. Closest valid codes: KJ (Operationer).", "Ukendt SKS-procedure-kode 'KX'. Nærmeste gyldige koder: KJ (Operationer).")]
    [InlineData("Must lie within the extract's coverage 2019-01-01 to 2023-12-31 (extract s1).", "Skal ligge inden for udtrækkets periode 2019-01-01 til 2023-12-31 (udtræk s1).")]
    public void A_validation_message_is_put_into_danish_by_its_template(string english, string danish)
    {
        Assert.Equal(danish, ErrorTexts.TryTranslate(english, Texts.Danish));
        Assert.Equal(english, ErrorTexts.TryTranslate(english, Texts.English));
        Assert.Null(ErrorTexts.TryTranslate("A message nobody wrote a template for.", Texts.Danish));
    }

    [Fact]
    public void Numbers_are_written_as_the_language_writes_them()
    {
        Assert.Equal("17,7", Texts.Number(Texts.Danish, 17.7, 1));
        Assert.Equal("17.7", Texts.Number(Texts.English, 17.7, 1));
        Assert.Equal("1.800.922", Texts.Number(Texts.Danish, 1_800_922));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    // data-i18n="key", data-i18n-label="key", t("key"), labelKey: "key", hintKey: "key"
    [GeneratedRegex(@"(?:data-i18n(?:-label|-placeholder)?=""|\bt\(""|(?:label|hint|title)Key: "")(?<key>[a-zA-Z]+\.[\w.\-]+)""")]
    private static partial Regex PageKey();

    // Texts.Get(language, "key", ...) and the writers' T("key", ...)
    [GeneratedRegex(@"(?:Texts\.Get\([^,()]+,\s*|\bT\()""(?<key>[a-zA-Z]+\.[\w.\-]+)""")]
    private static partial Regex ServerKey();
}
