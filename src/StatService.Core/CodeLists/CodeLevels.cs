namespace StatService.Core.CodeLists;

/// <summary>The level names used in <see cref="CodeEntry.Level"/>; ATC levels are the digits 1 to 5.</summary>
public static class CodeLevels
{
    public const string Chapter = "chapter";
    public const string Block = "block";
    public const string Category = "category";
    public const string Subcategory = "subcategory";
    public const string Region = "region";
    public const string Municipality = "municipality";

    /// <summary>ATC level (1 to 5) as stored in the data file.</summary>
    public static string Atc(int level) => level is >= 1 and <= 5
        ? level.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(level), level, "ATC levels run from 1 to 5.");
}
