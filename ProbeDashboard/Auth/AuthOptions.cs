namespace ProbeDashboard.Auth;

public class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>User name of the administrator created on first start.</summary>
    public string AdminUser { get; set; } = "admin";

    /// <summary>Initial admin password. When empty, one is generated, printed once and saved in the data directory.</summary>
    public string? AdminPassword { get; set; }
}
