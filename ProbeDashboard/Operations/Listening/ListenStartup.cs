namespace ProbeDashboard.Operations.Listening;

public static class ListenStartup
{
    /// <summary>False (exit code 69 set, one line on stderr) when another process holds an address to listen on.</summary>
    public static bool CheckListenAddressesFree(this WebApplication app)
    {
        var taken = ListenAddressCheck.FindTakenAddress(ConfiguredUrls(app.Configuration));
        if (taken is null) return true;
        Console.Error.WriteLine(taken);
        Environment.ExitCode = ListenAddressCheck.ExitUnavailable;
        return false;
    }

    /// <summary>Runs the server; an address taken between the check and the bind (a race) ends it the same way.</summary>
    public static async Task RunUnlessAddressTakenAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
        }
        catch (Exception e) when (ListenAddressCheck.IsAddressInUse(e))
        {
            Console.Error.WriteLine($"ProbeDashboard cannot listen: {e.Message} (stop the other process or choose another address with --urls)");
            Environment.ExitCode = ListenAddressCheck.ExitUnavailable;
        }
    }

    /// <summary>The addresses Kestrel will bind: <c>urls</c> (--urls, ASPNETCORE_URLS) and any Kestrel:Endpoints.</summary>
    private static IEnumerable<string> ConfiguredUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return urls.Concat(endpoints);
    }
}
