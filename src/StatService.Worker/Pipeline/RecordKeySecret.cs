using System.Security.Cryptography;
using System.Text;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Data.Storage;

namespace StatService.Worker.Pipeline;

/// <summary>The record-key secret the pipeline binds into cell-key queries (as HMAC pads); null when there is none.</summary>
public sealed class RecordKeySecret(RecordKeyPads? pads)
{
    /// <summary>The file in the data folder holding the embedded deployment's generated secret.</summary>
    public const string GeneratedFileName = "record-key.secret";

    public RecordKeyPads? Pads => pads;

    /// <summary>
    /// The configured secret; without one, in the embedded layout (one process, its own data folder), a secret
    /// generated once and kept in the data folder, so the demo's noise stays the same across restarts.
    /// A clustered layout must configure it: workers generating their own would give the same persons different noise.
    /// </summary>
    public static RecordKeySecret Resolve(RecordKeyOptions options, string dataDirectory, bool embedded)
    {
        if (options.RecordKeySecret is { Length: > 0 } configured)
        {
            return new(RecordKeyPads.From(Encoding.UTF8.GetBytes(configured)));
        }

        if (!embedded)
        {
            return new(null);
        }

        var file = Path.Combine(dataDirectory, GeneratedFileName);
        if (!File.Exists(file))
        {
            var temporary = file + ".tmp";
            File.Delete(temporary);
            PrivateFiles.WriteNew(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.Move(temporary, file, overwrite: false);
        }

        return new(RecordKeyPads.From(Encoding.UTF8.GetBytes(File.ReadAllText(file).Trim())));
    }
}
