using ProbeDashboard.Agents;
using ProbeDashboard.Cli;
using ProbeDashboard.Cluster;
using ProbeDashboard.Alerts;
using ProbeDashboard.Audit;
using ProbeDashboard.Api;
using ProbeDashboard.ApiDocs;
using ProbeDashboard.Auth;
using ProbeDashboard.Auth.ApiKeys;
using ProbeDashboard.Auth.Passwords;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Auth.SingleSignOn;
using ProbeDashboard.Auth.TwoFactor;
using ProbeDashboard.ConfigTransfer;
using ProbeDashboard.Compat.OpenApi;
using ProbeDashboard.Compat.IpLive;
using ProbeDashboard.Compat.ProbeFlows;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Health;
using ProbeDashboard.Monitors;
using ProbeDashboard.Notifications;
using ProbeDashboard.Operations;
using ProbeDashboard.Operations.Metrics;
using ProbeDashboard.Operations.Listening;
using ProbeDashboard.Users;
using ProbeDashboard.Probing;
using ProbeDashboard.Push;
using ProbeDashboard.Realtime;
using ProbeDashboard.Security;
using ProbeDashboard.Backups;
using ProbeDashboard.Settings;
using ProbeDashboard.StatusPages;
using ProbeDashboard.StatusPages.Public;
using ProbeDashboard.Ui;

PrivateFiles.RestrictNewFiles();                  // 0600 files, 0700 directories: the data is the service user's only
var cli = await ProbeCommandLine.RunAsync(args);   // --help, --version, agent, backup, restore end here
if (cli.ExitCode is { } exitCode) { Environment.ExitCode = exitCode; return; }

// Settings are read once, at start. Reloading appsettings.json on change would watch the working directory and all below
// it, and with the data directory beneath it (./data by default) every SQLite write would wake a watcher thread.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. cli.HostArgs]);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

builder.AddOperations();       // built-in defaults, file logging
builder.Services.AddProbeDashboardCore(builder.Configuration);
builder.AddApi();
builder.AddDashboardAuth();
builder.AddProbing();          // probes, result writer, Quartz scheduler
builder.AddAgents();           // agent tokens, registration, heartbeats, hosts
builder.AddAlerting();         // engine, outbox dispatcher, e-mail/webhook/SMS channels
builder.AddRealtime();         // WebSocket subscriptions and the SignalR hub, fed from the event bus
builder.AddOpenMonitoringApi();  // seed 004 open API: HMAC auth, replay cache, task readers
builder.AddIpLive();           // iplive compat API (seed 002): apps, groups, nodes, round callbacks
builder.AddProbeFlows();       // probe-flow registry (seed 000)
builder.AddDashboardUi();      // Blazor Server pages, live StatusFeed, localization
builder.AddSecurity();         // rate limits, trusted proxies, antiforgery cookie
builder.AddHealth();           // /healthz liveness, /readyz readiness
builder.AddMetrics();          // /metrics in the Prometheus text format (prometheus-net)
builder.AddConfigTransfer();   // configuration export/import (monitors, rules, groups) as JSON or YAML
builder.AddApiDocs();          // OpenAPI document of /api/v1
builder.AddStatusPages();      // public status pages and badges

var app = builder.Build();
if (await cli.TryRunHostCommandAsync(app)) return;   // protect-secret, user reset-password, ...
if (!app.CheckListenAddressesFree()) return;        // a taken address: one line naming it, exit 69
if (!await app.CheckClusterBackendsAsync()) return;  // PostgreSQL (and Redis in a cluster) answer: else one line, exit 69
if (!await app.OpenDataDirectoryAsync()) return;   // server.lock, migrations; refuses a database from a newer version

app.UseHttpMetrics();          // request counts and durations for /metrics
app.UseSecurity();             // forwarded headers, security headers, circuit Origin check, rate limiter
app.UseApiErrors();
app.UseDashboardUiAssets();
app.UseStatusPageDomains();     // a status page's custom domain serves it at "/"
app.UseAuthentication();
app.UseTwoFactorRequirement(); // Auth:Require2fa: users without 2FA may only set it up
app.UseAuthorization();
app.MapHealthApi();
app.MapMetrics();
app.MapConfigTransferApi();
app.MapSettingsApi();        // /api/v1/settings: retention, egress policy view (admins)
app.MapClusterApi();          // /api/v1/cluster/nodes: the server nodes sharing this database (admins)
app.MapBackupsApi();         // /api/v1/backups: back up now, list, download (admins; /backups/{name} for the dashboard)
app.MapApiDocs();
app.MapTokenApi();
app.MapTwoFactorApi();         // /api/v1/auth/2fa: TOTP setup, enable, disable; admins reset a user's
app.MapApiKeysApi();           // /api/v1/api-keys: scoped keys for automation (Bearer pdk_... or X-Api-Key)
app.MapSessionsApi();          // /api/v1/auth/sessions: signed-in browsers and API tokens, ended by their owner
app.MapPasswordApi();          // /api/v1/auth/password and the /account/password form: own password change ends the other sessions
app.MapOidcEndpoints();        // /account/login/oidc: single sign-on with Auth:Oidc (when configured)
app.MapMonitorsApi();
app.MapPushApi();            // /api/push/{token}: anonymous pings of push monitors
app.MapUsersApi();
app.MapAgentsApi();
app.MapAlertingApis();
app.MapRealtime();
app.MapOpenMonitoringApi();       // /openapi/v1 (seed 004) and /api/v1/openapi-clients
app.MapIpLiveApis();
app.MapProbeFlowsApi();
app.MapAuditTrail();           // GET /api/v1/audit-log (admins)
app.MapStatusPages();          // /api/v1/status-pages, public /status/{slug}
app.MapDashboardUi();
app.ReportDashboardAddress();  // where links in notifications point (Dashboard:PublicUrl or the first bound address)

await app.RunUnlessAddressTakenAsync();

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
