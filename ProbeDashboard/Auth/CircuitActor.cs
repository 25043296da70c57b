using Microsoft.AspNetCore.Components.Authorization;
using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Auth;

/// <summary>
/// The circuit's signed-in user as the <see cref="Actor"/> the UI passes to Core services. Read afresh on each call:
/// the revalidating state provider replaces the principal when the user's role changes or the user is disabled.
/// Components also use it to show or hide controls, from the same permissions the services check.
/// </summary>
public sealed class CircuitActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToActor();

    /// <summary>The circuit's principal itself, for what an actor does not carry (the session key of the sign-in).</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> GetUserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<bool> CanAsync(string permission) => (await GetAsync()).Can(permission);
}
