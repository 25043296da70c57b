using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Users;

namespace ProbeDashboard.Users;

/// <summary>
/// Runs the Users page's commands through Core's <see cref="UserService"/>, each in a scope of its own: the service
/// shares Identity's scoped context, and a circuit's scope lives as long as the browser tab, so entities it tracked
/// for one command would be stale for the next (another admin, the API or the CLI may have changed the user since).
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, CircuitActor actor)
{
    public async Task<T> RunAsync<T>(Func<UserService, Actor, Task<T>> command)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<UserService>(), await actor.GetAsync());
    }
}
