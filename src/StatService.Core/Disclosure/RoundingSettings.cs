namespace StatService.Core.Disclosure;

/// <summary>Redact counts up to <see cref="RedactAtOrBelow"/>, round the others to a multiple of <see cref="Base"/>.</summary>
public sealed record RoundingSettings(int RedactAtOrBelow, int Base)
{
    public static RoundingSettings OpenSafely { get; } = new(7, 5);
}
