using System.CommandLine;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.ConfigTransfer;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.ConfigTransfer;

/// <summary><c>ProbeDashboard export [--format json|yaml] [--include-secrets] &gt; file</c>: the configuration on standard output.</summary>
public sealed class ExportCommand : HostCommand
{
    private readonly Option<string> _format = new("--format") { Description = "json or yaml", DefaultValueFactory = _ => "json", HelpName = "FORMAT" };
    private readonly Option<bool> _includeSecrets = new("--include-secrets") { Description = "Include webhook secrets IN CLEAR (keep such a file private)" };

    public ExportCommand() : base("export", "Write monitors, alert rules, notification groups and host groups to standard output, to keep in git")
    {
        _format.AcceptOnlyFromAmong("json", "yaml");
        Options.Add(_format);
        Options.Add(_includeSecrets);
    }

    /// <summary>Standard output is the document: every log line goes to standard error.</summary>
    public override string[] HostArgs(ParseResult parse) =>
        [.. base.HostArgs(parse), "--Logging:Console:LogToStandardErrorThreshold=Trace"];

    public override async Task<int> RunAsync(WebApplication app, ParseResult parse, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var document = await app.Services.GetRequiredService<ConfigTransferService>().ExportAsync(Actor.Cli(Environment.UserName), parse.GetValue(_includeSecrets), cancellationToken);
        await Console.Out.WriteAsync(parse.GetValue(_format) == "yaml" ? ConfigYaml.Write(document) : document.ToJsonString(ConfigJson.Options) + "\n");
        return 0;
    }
}

/// <summary>
/// <c>ProbeDashboard import file [--dry-run]</c>: applies an exported file; all or nothing. Against a running
/// server prefer <c>POST /api/v1/config/import</c>, which also tells its scheduler and alert engine at once.
/// </summary>
public sealed class ImportCommand : HostCommand
{
    /// <summary>BSD sysexits EX_DATAERR: the file was read but is not acceptable.</summary>
    public const int RefusedExitCode = 65;
    /// <summary>BSD sysexits EX_NOINPUT.</summary>
    public const int NoInputExitCode = 66;

    private readonly Argument<FileInfo> _file = new("file") { Description = "The exported file (.json, or .yaml/.yml)" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Validate and count, change nothing" };

    public ImportCommand() : base("import", "Create or update configuration from an exported file, matched by name; nothing changes on any error")
    {
        Arguments.Add(_file);
        Options.Add(_dryRun);
    }

    public override async Task<int> RunAsync(WebApplication app, ParseResult parse, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(_file)!;
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"no such file: {file.FullName}");
            return NoInputExitCode;
        }
        var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        System.Text.Json.Nodes.JsonNode? document;
        try
        {
            document = ConfigDocument.Parse(text, yaml: file.Extension is ".yaml" or ".yml");
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: {e.Message}");
            return RefusedExitCode;
        }
        if (document is not System.Text.Json.Nodes.JsonObject root)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: the document must be an object with the configuration sections");
            return RefusedExitCode;
        }
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var result = await app.Services.GetRequiredService<ConfigTransferService>().ImportAsync(Actor.Cli(Environment.UserName), root, parse.GetValue(_dryRun), cancellationToken);
        foreach (var (where, messages) in result.Errors)
            foreach (var message in messages) await Console.Error.WriteLineAsync($"{where}: {message}");
        foreach (var section in result.Sections)
            Console.WriteLine($"{section.Section}: {section.Created} created, {section.Updated} updated, {section.Unchanged} unchanged");
        Console.WriteLine(result.Errors.Count > 0 ? "refused: nothing was changed" : result.Applied ? "imported" : "dry run: nothing was changed");
        return result.Errors.Count > 0 ? RefusedExitCode : 0;
    }
}
