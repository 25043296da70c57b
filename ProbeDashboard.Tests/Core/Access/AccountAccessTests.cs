using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The own-account commands (two-factor sign-in) as every role: each person may manage their own account and each
/// command leaves exactly one audit entry naming them; resetting someone else's is for admins; callers that are
/// not a person (system, CLI, agents, compat clients, anonymous) have no account and are refused.
/// </summary>
public class AccountAccessTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    public static TheoryData<UserRole> Roles => [UserRole.Viewer, UserRole.Operator, UserRole.Admin];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_person_sets_up_turns_on_and_turns_off_their_own_2fa_each_step_audited_once(UserRole role)
    {
        var actor = await ActorAsync(role);

        var setup = await AuditedAsync(actor, AuditActions.TwoFactorSetup, s => s.SetupAsync(actor));
        var enabled = await AuditedAsync(actor, AuditActions.TwoFactorEnable,
            s => s.EnableAsync(actor, new Totp(Base32Encoding.ToBytes(setup.Setup!.Secret)).ComputeTotp(DateTime.UtcNow)));
        await AuditedAsync(actor, AuditActions.TwoFactorDisable, s => s.DisableAsync(actor, enabled.RecoveryCodes![0]));

        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<TwoFactorService>().StatusAsync(actor, default)).Enabled);
    }

    [Theory]
    [InlineData(UserRole.Viewer, false)]
    [InlineData(UserRole.Operator, false)]
    [InlineData(UserRole.Admin, true)]
    public async Task Only_admins_reset_another_users_2fa(UserRole role, bool allowed)
    {
        var actor = await ActorAsync(role);
        var target = await ActorAsync(UserRole.Viewer);
        await using (var scope = fixture.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TwoFactorService>().SetupAsync(target);

        if (allowed)
        {
            await AuditedAsync(actor, AuditActions.TwoFactorReset, s => s.ResetAsync(actor, target.UserId!.Value));
            return;
        }
        var before = await fixture.LastAuditIdAsync();
        await using (var scope = fixture.Services.CreateAsyncScope())
            await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<TwoFactorService>().ResetAsync(actor, target.UserId!.Value));
        Assert.Equal(before, await fixture.LastAuditIdAsync());
        Assert.NotNull(await fixture.WithDbAsync(db => db.Users.Where(u => u.Id == target.UserId).Select(u => u.TotpSecret).SingleAsync()));
    }

    public static TheoryData<string> NotPeople => ["system", "cli", "agent", "openapi", "anonymous"];

    [Theory]
    [MemberData(nameof(NotPeople))]
    public async Task Callers_that_are_not_a_person_have_no_account_to_manage(string kind)
    {
        var actor = kind switch
        {
            "system" => Actor.System,
            "cli" => Actor.Cli("root"),
            "agent" => Actor.Client(ActorKind.Agent, "agent-1", Permissions.All.ToArray()),
            "openapi" => Actor.Client(ActorKind.OpenApiClient, "client-1", Permissions.All.ToArray()),
            _ => TestActors.Nobody,
        };
        var before = await fixture.LastAuditIdAsync();
        await using var scope = fixture.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<TwoFactorService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetupAsync(actor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.EnableAsync(actor, "123456"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.DisableAsync(actor, "123456"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.StatusAsync(actor, default));
        Assert.Equal(before, await fixture.LastAuditIdAsync());
    }

    private async Task<Actor> ActorAsync(UserRole role)
    {
        var user = await fixture.CreateUserAsync(role);
        return Actor.ForRole(user.Id, user.UserName!, role);
    }

    /// <summary>Runs one command on a fresh scope (as one request would) and checks it left exactly one entry, naming the actor.</summary>
    private async Task<T> AuditedAsync<T>(Actor actor, string action, Func<TwoFactorService, Task<T>> command)
    {
        var before = await fixture.LastAuditIdAsync();
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await command(scope.ServiceProvider.GetRequiredService<TwoFactorService>());
        var entries = await fixture.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > before).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(action, entry.Action);
        Assert.Equal(actor.Name, entry.Actor);
        return result;
    }
}
