using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>A hook-rule profile as its callers send it; validated by <see cref="ProfileService"/>.</summary>
public sealed record ProfileInput(string? Language, int? Type, int? Enable, string? Value, IReadOnlyList<HookRuleDetail?>? Details);

/// <summary>The stored profile, or the field errors that kept it from being stored; <see cref="Missing"/> when the id is unknown.</summary>
public sealed record ProfileSaveResult(HookProfile? Profile, IReadOnlyDictionary<string, string[]> Errors, bool Missing = false)
{
    public static ProfileSaveResult NotFound { get; } = new(null, new Dictionary<string, string[]>(), Missing: true);
}

/// <summary>
/// Seed 003 hook-rule profiles: agents read them for their language; administrators list, create, update and
/// delete them. Writes demand admin and commit their audit entry with the change.
/// </summary>
public sealed class ProfileService(IDbContextFactory<ProbeDbContext> dbFactory, IAuditLog audit)
{
    /// <param name="language">Upper-cased; null for every language.</param>
    public async Task<IReadOnlyList<HookProfile>> ListAsync(Actor actor, string? language, CancellationToken cancellationToken)
    {
        actor.Demand(AgentActors.Permission);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.HookProfiles.AsNoTracking();
        if (language is not null) query = query.Where(p => p.Language == language);
        return await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task<ProfileSaveResult> CreateAsync(Actor actor, ProfileInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var profile = new HookProfile();
        if (Apply(input, profile) is { } errors) return new(null, errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.HookProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.ProfileCreate, Target(profile), Describe(profile));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(profile, Valid);
    }

    public async Task<ProfileSaveResult> UpdateAsync(Actor actor, int id, ProfileInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.HookProfiles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null) return ProfileSaveResult.NotFound;
        var before = Describe(profile);
        if (Apply(input, profile) is { } errors) return new(null, errors);
        audit.Add(db, actor, AuditActions.ProfileUpdate, Target(profile), $"{before} -> {Describe(profile)}");
        await db.SaveChangesAsync(cancellationToken);
        return new(profile, Valid);
    }

    /// <returns>False when no profile has this id.</returns>
    public async Task<bool> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.HookProfiles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null) return false;
        db.HookProfiles.Remove(profile);
        audit.Add(db, actor, AuditActions.ProfileDelete, Target(profile), Describe(profile));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static readonly IReadOnlyDictionary<string, string[]> Valid = new Dictionary<string, string[]>();

    private static string Target(HookProfile p) => $"profile #{p.Id} {p.Language}";

    private static string Describe(HookProfile p) => $"type {p.Type} {(p.Enable ? "on" : "off")} {p.Value} ({p.Details.Items.Count} details)";

    /// <returns>The field errors, or null after copying the input onto <paramref name="profile"/>.</returns>
    private static Dictionary<string, string[]>? Apply(ProfileInput input, HookProfile profile)
    {
        var errors = new Dictionary<string, string[]>();
        var language = input.Language?.Trim().ToUpperInvariant();
        if (language is null || !AgentRegistrar.Languages.Contains(language)) errors["language"] = [$"must be one of {string.Join(", ", AgentRegistrar.Languages)}"];
        if (input.Type is not (>= 1 and <= 4)) errors["type"] = ["must be 1 (propagator), 2 (source), 3 (filter) or 4 (sink)"];
        if (input.Enable is not (0 or 1 or null)) errors["enable"] = ["must be 0 or 1"];
        if (string.IsNullOrWhiteSpace(input.Value)) errors["value"] = ["is required"];
        else if (input.Value.Length > 500) errors["value"] = ["must be at most 500 characters"];
        if (input.Details?.Any(d => d is null || string.IsNullOrWhiteSpace(d.Value)) == true) errors["details"] = ["every detail needs a value"];
        if (errors.Count > 0) return errors;

        profile.Language = language!;
        profile.Type = input.Type!.Value;
        profile.Enable = input.Enable != 0;
        profile.Value = input.Value!.Trim();
        profile.Details = new HookRuleDetails { Items = [.. (input.Details ?? []).Select(d => d!)] };
        return null;
    }
}
