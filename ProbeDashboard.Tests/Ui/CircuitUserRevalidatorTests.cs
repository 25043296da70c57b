using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>An open dashboard tab must lose its rights when an administrator takes them away.</summary>
public class CircuitUserRevalidatorTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _factory;

    public CircuitUserRevalidatorTests(DashboardFactory factory) => _factory = factory;

    [Fact]
    public async Task A_circuit_user_stays_valid_until_demoted_or_disabled()
    {
        // A budget against a hang, not a timing check (30 s ran out twice on a machine at load 45).
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var created = await _factory.CreateUserAsync(UserRole.Operator);
        using var scope = _factory.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var revalidator = Assert.IsType<CircuitUserRevalidator>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var user = (await signIn.UserManager.FindByIdAsync(created.Id.ToString()))!;
        var circuitUser = await signIn.CreateUserPrincipalAsync(user);

        Assert.True(await revalidator.IsStillValidAsync(circuitUser, cts.Token));

        user.Role = UserRole.Viewer;
        await signIn.UserManager.UpdateAsync(user);
        Assert.False(await revalidator.IsStillValidAsync(circuitUser, cts.Token));

        var viewerCircuit = await signIn.CreateUserPrincipalAsync(user);
        Assert.True(await revalidator.IsStillValidAsync(viewerCircuit, cts.Token));
        user.Disabled = true;
        await signIn.UserManager.UpdateAsync(user);
        Assert.False(await revalidator.IsStillValidAsync(viewerCircuit, cts.Token));
    }
}
