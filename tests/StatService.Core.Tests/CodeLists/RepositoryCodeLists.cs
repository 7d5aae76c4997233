using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

/// <summary>
/// The repository's <c>queries/codelists</c>, found by walking up from the test binaries to the folder
/// holding StatService.sln, and loaded once for all tests.
/// </summary>
internal static class RepositoryCodeLists
{
    private static readonly Lazy<string> Found = new(FindDirectory);
    private static readonly Lazy<CodeListSet> Loaded = new(() => CodeListSet.Load(Found.Value));

    public static string Folder => Found.Value;

    public static CodeListSet Lists => Loaded.Value;

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatService.sln")))
            {
                return Path.Combine(dir.FullName, "queries", "codelists");
            }
        }

        throw new InvalidOperationException("No StatService.sln above " + AppContext.BaseDirectory);
    }
}
