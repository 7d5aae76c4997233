namespace StatService.Disclosure;

/// <summary>
/// The audit's linear programs solved in this process, for the benchmark: counted work, which unlike the time does not
/// depend on the machine's load.
/// </summary>
public static class AuditCounters
{
    private static long _programs;

    public static long Programs => Interlocked.Read(ref _programs);

    internal static void CountProgram() => Interlocked.Increment(ref _programs);
}
