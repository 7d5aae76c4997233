namespace StatService.Cli.Commands;

/// <summary>
/// Writes progress lines as they are reported, on the reporting thread: <see cref="Progress{T}"/>
/// would post them to the thread pool, out of order. Plain lines, so logs without a TTY read well.
/// </summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.Out.WriteLine(value);
}
