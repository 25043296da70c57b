using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The single-file executable exactly as README "Deploy" publishes it. Published once per set of inputs: the
/// result is cached in the temp folder under a hash of every source file, so only a changed build pays the
/// minute a self-contained publish takes here.
/// </summary>
public static class PublishedBinary
{
    /// <summary>The documented publish command's arguments (README "Deploy").</summary>
    public static readonly string[] PublishArgs =
    [
        "publish", "ProbeDashboard", "-c", "Release", "-r", "linux-x64",
        "-p:PublishSingleFile=true",
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var root = Path.GetDirectoryName(LiveApp.ProjectDirectory("ProbeDashboard"))!;
            var output = Path.Combine(Path.GetTempPath(), "probedashboard-publish", InputHash(root));
            var binary = Path.Combine(output, "ProbeDashboard");
            if (File.Exists(binary)) return binary;
            await PublishAsync(root, output, cancellationToken);
            return binary;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task PublishAsync(string root, string output, CancellationToken cancellationToken)
    {
        var partial = Path.Combine(Path.GetTempPath(), $"probedashboard-publish-{Environment.ProcessId}");
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in PublishArgs) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("-o");
        info.ArgumentList.Add(partial);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Otherwise it runs on after the test and competes with the next one for the cores.
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        // Publishes of older inputs are stale now (~140 MB each); an hour's grace for another test run still using one.
        var cache = Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        foreach (var stale in cache.GetDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)))
            stale.Delete(recursive: true);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.Move(partial, output);
    }

    /// <summary>Hash of the paths and contents of everything the publish reads from this repository.</summary>
    private static string InputHash(string root)
    {
        var files = new[] { "ProbeDashboard", "ProbeDashboard.Core", "wwwroot-assets" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Directory.Build.props"))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
