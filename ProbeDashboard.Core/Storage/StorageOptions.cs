namespace ProbeDashboard.Core.Storage;

/// <summary>Which database holds the data (section <c>Storage</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file in the data directory: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server, for more data than one file comfortably holds, or several server nodes.</summary>
    PostgreSQL,
}

public class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For PostgreSQL: an Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Database=probe;Username=probe;Password=...</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory for the SQLite file and the server's generated keys (with either provider). Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabaseFileName { get; set; } = "probedashboard.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName));
}
