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
    public Task<T> RunAsync<T>(Func<UserService, Actor, Task<T>> command) => RunAsync<UserService, T>(command);

    /// <summary>The same for another account service that shares Identity's scoped context (two-factor sign-in).</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Actor, Task<T>> command) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<TService>(), await actor.GetAsync());
    }
}
