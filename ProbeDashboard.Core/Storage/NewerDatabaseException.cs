namespace ProbeDashboard.Core.Storage;

/// <summary>The database carries migrations this build does not know: a newer version upgraded it.</summary>
public sealed class NewerDatabaseException(string databasePath, IReadOnlyList<string> unknownMigrations)
    : Exception($"The database {databasePath} was upgraded by a newer ProbeDashboard: it has migration(s) "
        + $"{string.Join(", ", unknownMigrations)} that this version ({BuildVersion.Current}) does not know. "
        + "Nothing was changed. Run the newer version again, or restore a backup taken before the upgrade.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
