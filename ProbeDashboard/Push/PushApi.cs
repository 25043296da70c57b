using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Monitors;
using ProbeDashboard.Security;

namespace ProbeDashboard.Push;

/// <summary>
/// The ping URLs of push monitors, <c>/api/push/{token}[/fail|/start|/{exit status}]</c>: no sign-in (the token is
/// the secret), a rate limit per client address of their own, plain-text answers. An unknown token is always the
/// same 404, so the endpoint tells nothing about which tokens exist.
/// </summary>
public static class PushApi
{
    /// <summary>Bodies beyond this are refused before they are read (413); only the first 10 KB is kept anyway.</summary>
    public const long MaxBodyBytes = 1024 * 1024;
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head];

    public static void MapPushApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/push").AllowAnonymous().WithTags("Push monitors")
            .RequireRateLimiting(RateLimitPolicies.Push)
            .AnswerRateLimitWith((context, message) => context.Response.WriteAsync(message, context.RequestAborted))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        group.MapMethods("/{token}", Methods, (string token, HttpRequest request, PushReceiver receiver, CancellationToken cancellationToken) =>
                PingAsync(token, null, request, receiver, cancellationToken))
            .WithSummary("Report a successful run of a push monitor's job")
            .WithDescription("Uptime Kuma's form is accepted too: ?status=up|down&msg=...&ping=<ms>. A POST body (first 10 KB, as text) "
                + "or msg is kept as the result's message. 200 'OK'; 404 for an unknown token; a paused monitor answers 200 and records nothing.")
            .DocumentAnswers();
        group.MapMethods("/{token}/{action}", Methods, PingAsync)
            .WithSummary("Report a failed run (fail), a started run (start) or a run's exit status (0-255; 0 is success)")
            .WithDescription("After /start, the next success or failure stores the run's duration as its latency; a run not finished within grace fails.")
            .DocumentAnswers();
    }

    private static async Task<ContentHttpResult> PingAsync(
        string token, string? action, HttpRequest request, PushReceiver receiver, CancellationToken cancellationToken)
    {
        // Kestrel enforces the size limit while reading; a declared length over it is refused before anything is read.
        if (request.ContentLength > MaxBodyBytes) return Text(StatusCodes.Status413PayloadTooLarge, "request body too large");
        var body = HttpMethods.IsPost(request.Method) ? await ReadTextAsync(request, cancellationToken) : null;
        var query = request.Query;
        var ping = PushPing.Read(action, query["status"], query["msg"], query["ping"], body, out var problem);
        if (ping is null) return Text(StatusCodes.Status400BadRequest, problem!);
        return await receiver.ReceiveAsync(token, ping, cancellationToken) switch
        {
            PushReceipt.UnknownToken => Text(StatusCodes.Status404NotFound, "not found"),
            PushReceipt.Started => Text(StatusCodes.Status200OK, "OK, run started"),
            PushReceipt.Paused => Text(StatusCodes.Status200OK, "OK, monitor paused: not recorded"),
            _ => Text(StatusCodes.Status200OK, "OK"),
        };
    }

    private static ContentHttpResult Text(int status, string text) => TypedResults.Text(text, "text/plain; charset=utf-8", statusCode: status);

    private static RouteHandlerBuilder DocumentAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<string>(StatusCodes.Status200OK, "text/plain")
        .Produces<string>(StatusCodes.Status400BadRequest, "text/plain")
        .Produces<string>(StatusCodes.Status404NotFound, "text/plain")
        .Produces<string>(StatusCodes.Status413PayloadTooLarge, "text/plain")
        .Produces<string>(StatusCodes.Status429TooManyRequests, "text/plain");

    /// <summary>The first <see cref="PushPing.MaxMessageChars"/> characters of the body; the rest is never read.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var buffer = new char[PushPing.MaxMessageChars];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) break;
            filled += read;
        }
        return filled == 0 ? null : new string(buffer, 0, filled);
    }

    internal static async Task<Results<Ok<ApiEnvelope<PushTokenResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RotatePushToken(
        int id, ClaimsPrincipal user, MonitorService monitors, CancellationToken cancellationToken)
    {
        var (outcome, token) = await monitors.RotatePushTokenAsync(user.ToActor(), id, cancellationToken);
        return outcome switch
        {
            PushTokenRotation.MonitorMissing => MonitorResults.NotFound(id),
            PushTokenRotation.NotPush => TypedResults.Conflict(ApiEnvelope.Error(409, $"service monitor {id} is not a push monitor (type 5)")),
            _ => TypedResults.Ok(ApiEnvelope.Ok(new PushTokenResponse(PushTokens.UrlPath(token!)))),
        };
    }
}

/// <summary>The new ping URL after a rotation; the old one answers 404.</summary>
public sealed record PushTokenResponse(string PushUrl);
