namespace ProbeDashboard.Core.Storage;

public class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Directory for the SQLite file and the server's generated keys. Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabaseFileName { get; set; } = "probedashboard.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName));
}
