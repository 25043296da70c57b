using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// EF Core's warnings (a row limit without ORDER BY, a query evaluated on the client...) are bugs a user sees in
/// the log on every run. Test hosts log to this recorder, and the host's owner fails the test when it disposes
/// the host with any recorded: the warning names the query, the failing fixture says where it ran.
/// </summary>
public sealed partial class EfWarningRecorder : ILoggerProvider
{
    private const string Category = "Microsoft.EntityFrameworkCore";
    private readonly ConcurrentQueue<string> _warnings = new();

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(Category, StringComparison.Ordinal) ? new Recorder(categoryName, _warnings) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Fails with every recorded warning.</summary>
    public void AssertNone() => Fail(_warnings);

    /// <summary>The same check on a child process's console output ("warn: Microsoft.EntityFrameworkCore.Query[10102]").</summary>
    public static void AssertNoneIn(IEnumerable<string> consoleLines) =>
        Fail(consoleLines.Where(line => ConsoleWarning().IsMatch(line)).ToList());

    private static void Fail(IReadOnlyCollection<string> warnings)
    {
        if (warnings.Count > 0)
            throw new XunitException($"EF Core logged {warnings.Count} warning(s); fix the query, don't silence it:\n{string.Join('\n', warnings.Distinct())}");
    }

    [GeneratedRegex(@"^(warn|fail|crit): Microsoft\.EntityFrameworkCore")]
    private static partial Regex ConsoleWarning();

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<string> warnings) : ILogger
    {

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            // A background service's query cancelled because the host is stopping (EF logs "An error occurred using a
            // transaction" for it on PostgreSQL) says nothing about the query: it is what stopping means.
            if (exception is OperationCanceledException) return;
            // The same stop, when EF gives the logger no exception at all: a transaction error without a cause is the
            // connection closed under a cancelled background query (seen only at host stop, on PostgreSQL). A
            // transaction that fails while a test runs also fails that test's own assertion.
            if (exception is null && eventId.Id == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionError.Id) return;
            var cause = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            warnings.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}{cause}");
        }
    }
}
