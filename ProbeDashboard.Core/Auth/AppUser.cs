using Microsoft.AspNetCore.Identity;

namespace ProbeDashboard.Core.Auth;

public class AppUser : IdentityUser<int>
{
    public UserRole Role { get; set; } = UserRole.Viewer;
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum UserRole
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
}
