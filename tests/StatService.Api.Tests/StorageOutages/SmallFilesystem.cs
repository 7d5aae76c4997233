using System.Diagnostics;

namespace StatService.Api.Tests.StorageOutages;

/// <summary>
/// A real, small filesystem (tmpfs, mounted by the test) that the test can fill to the last byte and free again.
/// Mounting needs root (or CAP_SYS_ADMIN); <see cref="TryMount"/> says why when it is impossible.
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    private readonly string _filler;

    private SmallFilesystem(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    public static SmallFilesystem? TryMount(int megabytes, out string why)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "statservice-tests", $"tmpfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var failure = OperatingSystem.IsWindows() ? "no tmpfs on Windows" : Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        if (failure is not null)
        {
            why = failure;
            Directory.Delete(path);
            return null;
        }

        why = string.Empty;
        return new SmallFilesystem(path);
    }

    /// <summary>Writes a file until the filesystem refuses another byte.</summary>
    public void Fill()
    {
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Top up byte by byte so not even a small page fits.
        }

        try
        {
            while (true)
            {
                file.Write(block, 0, 1);
            }
        }
        catch (IOException)
        {
        }
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Run("umount", "-l", Path) is null)
        {
            Directory.Delete(Path);
        }
    }

    /// <summary>Runs a command; null when it succeeded, otherwise what it said.</summary>
    private static string? Run(string command, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{command} exited with {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return $"{command}: {missing.Message}";
        }
    }
}
