using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ProbeDashboard.Core.Audit;

namespace ProbeDashboard.Audit;

public static class AuditSetup
{
    /// <summary>Makes the circuit's user the audit actor for everything a page does.</summary>
    public static WebApplicationBuilder AddAuditTrail(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        return builder;
    }

    /// <summary>Makes the request's user the audit actor; goes after authentication.</summary>
    public static void UseAuditActor(this WebApplication app) => app.Use(async (context, next) =>
    {
        using (AuditActor.Begin(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null))
            await next(context);
    });

    public static void MapAuditTrail(this WebApplication app) => app.MapAuditLogApi();
}

/// <summary>
/// Each inbound activity of a circuit (a click, a form submit) runs with the circuit's signed-in user as the
/// audit actor, so services the UI shares with the API record who acted.
/// </summary>
public sealed class AuditCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            using (AuditActor.Begin(user.Identity?.IsAuthenticated == true ? user.Identity.Name : null))
                await next(context);
        };
}
