using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Tests.Support;

/// <summary>One actor per role, for tests that call Core services as a user would (and for the access tables).</summary>
public static class TestActors
{
    public static readonly Actor Viewer = Actor.ForRole(9001, "viewer-test", UserRole.Viewer);
    public static readonly Actor Operator = Actor.ForRole(9002, "operator-test", UserRole.Operator);
    public static readonly Actor Admin = Actor.ForRole(9003, "admin-test", UserRole.Admin);
    public static readonly Actor Nobody = Actor.ForUser(0, "anonymous", []);

    /// <summary>Every role, named, for [Theory] tables.</summary>
    public static IEnumerable<object[]> Roles() =>
        [["viewer", Viewer], ["operator", Operator], ["admin", Admin], ["nobody", Nobody]];
}
