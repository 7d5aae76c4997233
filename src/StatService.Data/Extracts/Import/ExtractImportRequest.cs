using System.Text.RegularExpressions;
using StatService.Core.CodeLists;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// What to import: the delivery folder, the new version's name, the extracts folder it goes into, how
/// files are read, and the code lists unknown codes are reported against (none: not checked).
/// </summary>
public sealed partial record ExtractImportRequest(string FromDirectory, string Version, string ExtractsDirectory)
{
    public DeliveryFormat Format { get; init; } = DeliveryFormat.Auto;

    public CodeListSet? CodeLists { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit: it becomes a folder name.</summary>
    public static bool IsValidVersion(string version) => VersionPattern().IsMatch(version);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex VersionPattern();
}

/// <summary>The new version, where it is, and the warnings its delivery raised.</summary>
public sealed record ExtractImportResult(ExtractManifest Manifest, string Folder, IReadOnlyList<ImportProblem> Warnings);
