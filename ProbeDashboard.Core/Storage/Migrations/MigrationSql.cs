namespace ProbeDashboard.Core.Storage.Migrations;

internal static class MigrationSql
{
    /// <summary>Reads a migration's SQL, embedded in this assembly so the single binary carries it.</summary>
    public static string Load(string fileName)
    {
        var assembly = typeof(MigrationSql).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
