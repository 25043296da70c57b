using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Users;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components;

/// <summary>
/// bUnit over the real app's Core services (a <see cref="DashboardFactory"/> with its own SQLite file): what the
/// test context does not register itself comes from one DI scope of the app, as in a circuit. The signed-in user is
/// a real account whose claims feed both <see cref="CircuitActor"/> (what the services check) and AuthorizeView.
/// </summary>
public abstract class AppComponentTest : ComponentTest, IAsyncLifetime
{
    private readonly List<IServiceScope> _scopes = [];

    protected AppComponentTest(DashboardFactory app)
    {
        App = app;
        var scope = Track(app.Services.CreateScope());
        Ctx.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        Ctx.Services.AddScoped<CircuitActor>();
        // Services that pages resolve from a scope of their own (IServiceScopeFactory) come from a fresh app scope.
        Ctx.Services.AddTransient(_ => Track(app.Services.CreateScope()).ServiceProvider.GetRequiredService<UserService>());
        Ctx.Services.AddTransient(_ => Track(app.Services.CreateScope()).ServiceProvider.GetRequiredService<TwoFactorService>());
        Auth = Ctx.AddAuthorization();
    }

    protected DashboardFactory App { get; }

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>Signs in a new account of <paramref name="role"/> (or an existing one by name) and returns it.</summary>
    protected async Task<AppUser> SignInAsync(UserRole role, string userName)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? await App.CreateUserAsync(role, userName);
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        Auth.SetAuthorized(userName);
        Auth.SetClaims([.. principal.Claims.Where(c => c.Type != ClaimTypes.Name)]);
        Auth.SetPolicies([.. principal.FindAll(Permissions.ClaimType).Select(c => c.Value)]);
        return user;
    }

    private IServiceScope Track(IServiceScope scope)
    {
        lock (_scopes) _scopes.Add(scope);
        return scope;
    }

    // Re-implements IAsyncLifetime so the app scopes go after the test context that used them.
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var scope in _scopes) scope.Dispose();
    }
}
