namespace StatService.TestSupport;

/// <summary>
/// A fresh folder for a test's files, removed afterwards: as an object (<c>using var folder = new TemporaryDirectory()</c>)
/// or, for folders that outlive a method, through <see cref="Create"/> and <see cref="Delete"/>.
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Create();
    }

    public string Path { get; }

    public static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "statservice-tests", Guid.NewGuid().ToString("N"));
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

    /// <summary>Writes a file (UTF-8) into the folder and returns its full path.</summary>
    public string Write(string name, string content)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Delete(Path);
}
