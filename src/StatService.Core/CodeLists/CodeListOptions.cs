namespace StatService.Core.CodeLists;

/// <summary>Where the code lists are read from: empty means the lists shipped in <c>queries/codelists</c>.</summary>
public sealed class CodeListOptions
{
    public const string Section = "CodeLists";

    /// <summary>A folder with icd10.csv, atc.csv, regions.csv and municipalities.csv, e.g. made by <c>statservice codes import</c>.</summary>
    public string Directory { get; set; } = string.Empty;
}
