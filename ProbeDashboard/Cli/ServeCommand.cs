using System.CommandLine;

namespace ProbeDashboard.Cli;

/// <summary>
/// <c>ProbeDashboard [serve]</c>: the web UI, APIs, scheduler and local prober. Its options are translated into
/// configuration keys; anything else (<c>--Section:Key=value</c>) goes to the host's configuration unchanged.
/// </summary>
public sealed class ServeCommand : Command
{
    private const string Urls = "--urls";
    private const string Environment = "--environment";
    private const string LogFormat = "--log-format";
    private const string DataDirectory = "--data-dir";

    public ServeCommand() : base("serve", "Run the server (the default when no command is given).") => Configure(this);

    /// <summary>Gives <paramref name="command"/> the serve options and marks it as served by the host.</summary>
    public static void Configure(Command command)
    {
        command.Options.Add(new Option<string>(Urls)
        {
            Description = "Addresses to listen on, ';'-separated [env: ASPNETCORE_URLS] (default: http://127.0.0.1:5080)",
            HelpName = "URLS",
        });
        command.Options.Add(CliOptions.DataDirectory());
        command.Options.Add(new Option<string>(Environment)
        {
            Description = "Hosting environment; loads appsettings.<NAME>.json [env: ASPNETCORE_ENVIRONMENT] (default: Production)",
            HelpName = "NAME",
        });
        command.Options.Add(new Option<string>(LogFormat)
        {
            Description = "Console log format: simple, json or systemd [env: Logging__Console__FormatterName]",
            HelpName = "FORMAT",
        }.AcceptOnlyFromAmong("simple", "json", "systemd"));
        // Settings given as --Section:Key=value, and what WebApplicationFactory passes (--contentRoot=...).
        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = new HostAction();
    }

    /// <summary>The host's command-line configuration for this parse.</summary>
    public static string[] HostArgs(ParseResult parse)
    {
        var args = new List<string>();
        Add(Urls, "urls");
        Add(Environment, "environment");
        Add(DataDirectory, "Storage:DataDirectory");
        Add(LogFormat, "Logging:Console:FormatterName");
        args.AddRange(parse.UnmatchedTokens);
        return [.. args];

        void Add(string option, string key)
        {
            if (parse.GetValue<string>(option) is { } value) args.Add($"--{key}={value}");
        }
    }
}
