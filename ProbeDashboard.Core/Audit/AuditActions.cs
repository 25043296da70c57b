namespace ProbeDashboard.Core.Audit;

/// <summary>The action names the audit log uses; the UI offers them as a filter.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string TokenIssued = "auth.token_issued";
    public const string TokenRefused = "auth.token_refused";
    /// <summary>Two-factor sign-in (TOTP): setup started, turned on, turned off by the user, reset by an admin.</summary>
    public const string TwoFactorSetup = "auth.2fa_setup";
    public const string TwoFactorEnable = "auth.2fa_enable";
    public const string TwoFactorDisable = "auth.2fa_disable";
    public const string TwoFactorReset = "auth.2fa_reset";
    /// <summary>A user's own API key (not the seed 004 open-API clients' keys, which are api_key.*).</summary>
    public const string UserApiKeyCreate = "user_api_key.create";
    public const string UserApiKeyRevoke = "user_api_key.revoke";
    /// <summary>A user ended one of their sessions (a signed-in browser or an API token), or all others.</summary>
    public const string SessionEnd = "session.end";
    public const string SessionEndOthers = "session.end_others";
    /// <summary>A user changed their own password (an administrator's reset is user.change).</summary>
    public const string PasswordChange = "auth.password_change";
    public const string UserCreate = "user.create";
    public const string UserChange = "user.change";
    public const string MonitorCreate = "monitor.create";
    public const string MonitorUpdate = "monitor.update";
    public const string MonitorToggle = "monitor.toggle";
    public const string MonitorDelete = "monitor.delete";
    /// <summary>A push monitor's ping token replaced (the old URL stops working).</summary>
    public const string MonitorPushTokenRotate = "monitor.push_token_rotate";
    public const string RuleCreate = "alert_rule.create";
    public const string RuleUpdate = "alert_rule.update";
    public const string RuleDelete = "alert_rule.delete";
    public const string NotificationGroupCreate = "notification_group.create";
    public const string NotificationGroupUpdate = "notification_group.update";
    public const string NotificationGroupDelete = "notification_group.delete";
    /// <summary>A test message queued to every recipient of a group.</summary>
    public const string NotificationGroupTest = "notification_group.test";
    public const string EscalationPolicyCreate = "escalation_policy.create";
    public const string EscalationPolicyUpdate = "escalation_policy.update";
    public const string EscalationPolicyDelete = "escalation_policy.delete";
    public const string AlertAcknowledge = "alert.acknowledge";
    public const string AlertSilence = "alert.silence";
    public const string AlertLiftSilence = "alert.lift_silence";
    public const string AgentTokenCreate = "agent_token.create";
    public const string AgentTokenRevoke = "agent_token.revoke";
    /// <summary>Seed 004 open-API clients (api_id and api_key).</summary>
    public const string ApiKeyCreate = "api_key.create";
    public const string ApiKeyRevoke = "api_key.revoke";
    /// <summary>An open-API client changed by a configuration import (name, partner, task limit, state or key).</summary>
    public const string ApiKeyUpdate = "api_key.update";
    /// <summary>A seed 004 partner's user (user/create).</summary>
    public const string OpenApiUserCreate = "openapi_user.create";
    /// <summary>Seed 002 iplive apps (each with its token).</summary>
    public const string IpLiveAppCreate = "iplive_app.create";
    public const string IpLiveAppDelete = "iplive_app.delete";
    public const string IpLiveAppUpdate = "iplive_app.update";
    /// <summary>An agent host told to start or stop probing.</summary>
    public const string HostCommand = "host.command";
    public const string HostDelete = "host.delete";
    public const string HostAssignGroup = "host.assign_group";
    public const string HostGroupCreate = "host_group.create";
    public const string HostGroupRename = "host_group.rename";
    public const string HostGroupDelete = "host_group.delete";
    /// <summary>A host group's depends_on (the monitors its hosts' alerts wait on) changed.</summary>
    public const string HostGroupSetDependsOn = "host_group.set_depends_on";
    /// <summary>Seed 003 hook-rule profiles.</summary>
    public const string ProfileCreate = "profile.create";
    public const string ProfileUpdate = "profile.update";
    public const string ProfileDelete = "profile.delete";
    public const string RetentionChange = "settings.retention";
    public const string DatabaseCompact = "database.compact";
    public const string DatabaseBackup = "database.backup";
    /// <summary>One summary entry per applied configuration import; its items have their own entries.</summary>
    public const string ConfigImport = "config.import";
    public const string ProbeFlowCreate = "probe_flow.create";
    public const string ProbeFlowUpdate = "probe_flow.update";
    public const string ProbeFlowDelete = "probe_flow.delete";
    public const string StatusPageCreate = "status_page.create";
    public const string StatusPageUpdate = "status_page.update";
    public const string StatusPageDelete = "status_page.delete";
    public const string MaintenanceWindowCreate = "maintenance_window.create";
    public const string MaintenanceWindowUpdate = "maintenance_window.update";
    public const string MaintenanceWindowDelete = "maintenance_window.delete";
    public const string IncidentCreate = "incident.create";
    public const string IncidentUpdate = "incident.update";
    public const string IncidentAddUpdate = "incident.add_update";
    public const string IncidentDelete = "incident.delete";
    /// <summary>An address removed from a status page's e-mail subscribers by an operator.</summary>
    public const string StatusPageSubscriberRemove = "status_page.subscriber_remove";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, TokenIssued, TokenRefused, UserCreate, UserChange, MonitorCreate, MonitorUpdate, MonitorToggle,
        MonitorDelete, MonitorPushTokenRotate, RuleCreate, RuleUpdate, RuleDelete, NotificationGroupCreate, NotificationGroupUpdate,
        NotificationGroupDelete, NotificationGroupTest, AlertAcknowledge, AlertSilence, AlertLiftSilence, AgentTokenCreate, AgentTokenRevoke,
        ApiKeyCreate, ApiKeyRevoke, IpLiveAppCreate, IpLiveAppDelete,
        HostCommand, HostDelete, HostAssignGroup, HostGroupCreate, HostGroupRename, HostGroupDelete, HostGroupSetDependsOn,
        ProfileCreate, ProfileUpdate, ProfileDelete, RetentionChange, DatabaseCompact, DatabaseBackup, ConfigImport,
        ProbeFlowCreate, ProbeFlowUpdate, ProbeFlowDelete, ApiKeyUpdate, OpenApiUserCreate, IpLiveAppUpdate,
        StatusPageCreate, StatusPageUpdate, StatusPageDelete,
        MaintenanceWindowCreate, MaintenanceWindowUpdate, MaintenanceWindowDelete,
        IncidentCreate, IncidentUpdate, IncidentAddUpdate, IncidentDelete,
        EscalationPolicyCreate, EscalationPolicyUpdate, EscalationPolicyDelete,
        TwoFactorSetup, TwoFactorEnable, TwoFactorDisable, TwoFactorReset, UserApiKeyCreate, UserApiKeyRevoke,
        SessionEnd, SessionEndOthers, PasswordChange,
        StatusPageSubscriberRemove,
    ];
}
