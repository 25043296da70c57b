using Microsoft.Extensions.Localization;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Users;

/// <summary>A role's name in the UI language (the same texts the Settings page shows for the signed-in user).</summary>
public static class UserRoleText
{
    public static readonly UserRole[] All = [UserRole.Viewer, UserRole.Operator, UserRole.Admin];

    public static string Of(IStringLocalizer<UiText> text, UserRole role) => text["Role" + role];
}
