using ProbeDashboard.Realtime;

namespace ProbeDashboard.Security;

/// <summary>
/// The Blazor circuit hub (<c>/_blazor</c>) carries the sign-in cookie like any page, so a foreign page could open a
/// circuit in the user's name; it gets the same Origin rule as the other realtime endpoints (<see cref="OriginCheck"/>).
/// </summary>
public static class CircuitOriginCheck
{
    public static readonly PathString CircuitPath = "/_blazor";

    public static IApplicationBuilder UseCircuitOriginCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(CircuitPath) || OriginCheck.IsAllowed(context))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("origin not allowed", context.RequestAborted);
    });
}
