namespace StatService.Disclosure.AcrossReleases;

/// <summary>SplitMix64's finaliser: spreads consecutive ids (cells, person places) over all 64 bits.</summary>
internal static class SplitMix
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
