using StatService.Core.Catalogue;
using StatService.Data.Extracts;

namespace StatService.Worker.Pipeline;

/// <summary>Validates orders against the extract being run, not whichever is newest beside it.</summary>
internal sealed class PinnedExtract(ExtractRegistry registry, string version) : IExtractRegistry
{
    public ExtractInfo? Newest() => registry.Find(version);

    public ExtractInfo? Find(string name) => registry.Find(name);
}
