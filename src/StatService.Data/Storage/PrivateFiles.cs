using System.Runtime.InteropServices;

namespace StatService.Data.Storage;

/// <summary>
/// What the service writes (order database with contacts and purposes, Quartz database, record-key secret, extracts,
/// results) is for the service user alone: files 0600, folders 0700.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// umask 077 for the whole process, before it creates anything: SQLite, DuckDB and Quartz create their files (and
    /// journals) themselves, so a mode set afterwards would leave a window and miss files created later.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111);
        }
    }

    /// <summary>Creates the folder 0700, or narrows an existing one the service owns to 0700.</summary>
    public static string CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        var folder = Directory.CreateDirectory(path, DirectoryMode);
        if ((folder.UnixFileMode & ~DirectoryMode) != 0)
        {
            try
            {
                folder.UnixFileMode = DirectoryMode;
            }
            catch (UnauthorizedAccessException)
            {
                // A folder another user owns (a mount point made by an administrator) keeps the mode its owner chose.
            }
        }

        return path;
    }

    /// <summary>Writes a new file that only the service user can read, created with that mode (no window).</summary>
    public static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(text);
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
