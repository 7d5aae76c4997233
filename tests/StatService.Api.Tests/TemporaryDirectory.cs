namespace StatService.Api.Tests;

internal static class TemporaryDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "statservice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Best effort: a file still open elsewhere must not fail a test that passed.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
