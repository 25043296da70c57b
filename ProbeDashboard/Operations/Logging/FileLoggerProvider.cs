using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Operations.Logging;

/// <summary>
/// Writes log entries to a size-rolled file as JSON lines (timestamp, level, category, message, and the template's
/// named properties), the same fields the console's json format has, so one parser reads both.
/// </summary>
[ProviderAlias("File")]
public sealed class FileLoggerProvider(IOptions<FileLogOptions> options, TimeProvider time) : ILoggerProvider
{
    private readonly RollingFileWriter _writer = new(options.Value);

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, _writer, time);

    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class FileLogger(string category, RollingFileWriter writer, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("Timestamp", time.GetUtcNow().UtcDateTime.ToString("O"));
                json.WriteString("LogLevel", logLevel.ToString());
                json.WriteString("Category", category);
                json.WriteNumber("EventId", eventId.Id);
                json.WriteString("Message", formatter(state, exception));
                if (exception is not null) json.WriteString("Exception", exception.ToString());
                if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
                {
                    json.WriteStartObject("State");
                    foreach (var (key, value) in properties)
                        if (key != "{OriginalFormat}") json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            writer.Enqueue(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }
}
