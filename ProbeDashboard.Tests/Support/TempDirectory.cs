namespace ProbeDashboard.Tests.Support;

/// <summary>A directory under the system temp folder, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("probedashboard-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open by a late finaliser; the temp folder is cleaned by the OS */ }
    }
}
