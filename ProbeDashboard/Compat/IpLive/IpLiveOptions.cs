namespace ProbeDashboard.Compat.IpLive;

/// <summary>Where the iplive API (seed 002) is served. Section "IpLive".</summary>
public class IpLiveOptions
{
    public const string Section = "IpLive";

    /// <summary>Path prefix of the five iplive paths, e.g. "/iplive"; empty: at the root, as the seed has them.</summary>
    public string PathPrefix { get; set; } = "";

    /// <returns>The prefix as a route group pattern: "/" or "/iplive".</returns>
    public string RoutePrefix() => "/" + PathPrefix.Trim().Trim('/');
}
