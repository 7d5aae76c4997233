namespace StatService.Core.Catalogue;

/// <summary>An extract version as orders see it: its name and the period it covers.</summary>
public sealed record ExtractInfo(string Version, DateOnly CoverageFrom, DateOnly CoverageTo);

/// <summary>The extract versions available to orders.</summary>
public interface IExtractRegistry
{
    /// <summary>The newest version, which orders run on unless they name one; null when there is none.</summary>
    ExtractInfo? Newest();

    ExtractInfo? Find(string version);
}
