using System.ComponentModel.DataAnnotations;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The secret that keys persons' record keys for cell-key perturbation (<c>Disclosure:RecordKeySecret</c>). Needed only
/// when a product's policy is cell-key; every worker of a deployment must share it, and it must never change, or the
/// same persons stop getting the same noise.
/// </summary>
public sealed class RecordKeyOptions
{
    public const string Section = "Disclosure";

    /// <summary>At least 16 bytes of UTF-8 text; empty: none (the embedded layout then generates one in the data folder).</summary>
    [MinLength(Core.Disclosure.RecordKeys.MinimumSecretBytes)]
    public string? RecordKeySecret { get; set; }
}
