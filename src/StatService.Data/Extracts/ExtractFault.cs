namespace StatService.Data.Extracts;

/// <summary>Why an extract version cannot be trusted: which file, and what is wrong with it.</summary>
public sealed record ExtractFault(string Version, string File, string Problem)
{
    public override string ToString() => $"Extract version '{Version}' is withdrawn: its file '{File}' {Problem}.";
}

/// <summary>An order or query met a withdrawn extract version; the message says which version and file.</summary>
public sealed class ExtractWithdrawnException(ExtractFault fault) : Exception(fault.ToString())
{
    public ExtractFault Fault { get; } = fault;
}
