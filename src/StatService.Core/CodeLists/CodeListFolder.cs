using System.Text;

namespace StatService.Core.CodeLists;

/// <summary>
/// Installs imported code list files into a folder that <c>CodeLists:Directory</c> can point at. The
/// new files, together with the folder's other lists (or the shipped ones where it has none), must load
/// as the service's code lists before anything in the folder is replaced; each file is replaced by a rename.
/// </summary>
public static class CodeListFolder
{
    /// <summary>Every file a complete code list folder holds; the procedures list and the search synonyms are optional.</summary>
    public static readonly IReadOnlyList<string> Files =
        [CodeListSet.Icd10File, CodeListSet.AtcFile, CodeListSet.RegionsFile, CodeListSet.MunicipalitiesFile, ProceduresFile, SearchSynonyms.File];

    public const string ProceduresFile = "procedures.csv";

    /// <param name="files">File name to the writer of its content.</param>
    /// <param name="verify">Loads a complete folder and throws when it is not valid.</param>
    public static void Install(IReadOnlyDictionary<string, Action<TextWriter>> files, string output, string shippedDirectory, Action<string> verify)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(verify);
        var staging = Directory.CreateTempSubdirectory("statservice-codes-").FullName;
        try
        {
            foreach (var (name, write) in files)
            {
                using var writer = new StreamWriter(Path.Combine(staging, name), append: false, new UTF8Encoding(false));
                write(writer);
            }

            foreach (var name in Files.Where(n => !files.ContainsKey(n)))
            {
                var existing = Path.Combine(output, name);
                var source = File.Exists(existing) ? existing : Path.Combine(shippedDirectory, name);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(staging, name));
                }
            }

            verify(staging);
            Directory.CreateDirectory(output);
            foreach (var name in Directory.EnumerateFiles(staging).Select(p => Path.GetFileName(p)))
            {
                var target = Path.Combine(output, name);
                if (files.ContainsKey(name) || !File.Exists(target))
                {
                    File.Copy(Path.Combine(staging, name), target + ".tmp", overwrite: true);
                    File.Move(target + ".tmp", target, overwrite: true);
                }
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>A downloaded list's text: UTF-8 when it decodes as such (a byte order mark is dropped), otherwise latin1 (SKS).</summary>
    public static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
