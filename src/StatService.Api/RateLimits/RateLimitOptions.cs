using System.ComponentModel.DataAnnotations;

namespace StatService.Api.RateLimits;

/// <summary>The <c>RateLimits</c> section: how many orders a requester (API key) or a client address (web form) may place.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary><c>POST /api/orders</c>, per requester.</summary>
    public RateLimitWindow Orders { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /api/form/orders</c>, per client IP address (no key).</summary>
    public RateLimitWindow Form { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    // Data annotations do not look into nested objects by themselves.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, window) in new[] { (nameof(Orders), Orders), (nameof(Form), Form) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(window, new ValidationContext(window), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{Section}:{name}: {result.ErrorMessage}", result.MemberNames.Select(m => $"{name}.{m}"));
            }
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests per fixed <see cref="Window"/>.</summary>
public sealed class RateLimitWindow
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; }
}
