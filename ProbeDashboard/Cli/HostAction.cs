using System.CommandLine;
using System.CommandLine.Invocation;

namespace ProbeDashboard.Cli;

/// <summary>
/// Marks a command whose work needs the web host (serving, or a <see cref="HostCommand"/>): the parser does not
/// invoke it, Program builds the host and runs it.
/// </summary>
internal sealed class HostAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult) =>
        throw new InvalidOperationException("Host commands are run by Program once the host is built.");
}
