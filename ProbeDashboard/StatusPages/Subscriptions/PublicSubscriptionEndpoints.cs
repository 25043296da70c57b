using System.Globalization;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.Resources;
using ProbeDashboard.StatusPages.Public;

namespace ProbeDashboard.StatusPages.Subscriptions;

/// <summary>
/// The reader's side of e-mail subscriptions, without sign-in: <c>POST /status/{slug}/subscribe</c> (the page's form,
/// a plain form post), <c>GET /status/{slug}/confirm?token=</c> (the link in the confirmation mail) and
/// <c>/status/{slug}/unsubscribe?token=</c> (GET asks, POST acts: RFC 8058's one-click POST from mail clients too).
/// Each answers with a small HTML page in the reader's language.
/// </summary>
public static class PublicSubscriptionEndpoints
{
    public static void MapPublicSubscriptions(this IEndpointRouteBuilder app)
    {
        // No antiforgery token: the form is in the cached page shared by all readers (see PublicSubscribeForm).
        app.MapPost("/status/{slug}/subscribe", SubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/status/{slug}/confirm", ConfirmAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/status/{slug}/unsubscribe", AskToUnsubscribeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/status/{slug}/unsubscribe", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task SubscribeAsync(string slug, HttpContext context, SubscriptionService subscriptions, SubscribeRateLimiter limiter)
    {
        if (!SameOrigin(context.Request))
        {
            await AnswerAsync(context, StatusCodes.Status403Forbidden, "PublicSubscribeRefusedHeading", "PublicSubscribeCrossSite", slug);
            return;
        }
        if (!limiter.TryAcquire(context))
        {
            context.Response.Headers.RetryAfter = "3600";
            await AnswerAsync(context, StatusCodes.Status429TooManyRequests, "PublicSubscribeRefusedHeading", "PublicSubscribeTooMany", slug);
            return;
        }
        var form = await ReadFormAsync(context.Request);
        var email = form?["email"].ToString();
        var language = form?["lang"].ToString() is { Length: > 0 } lang ? lang : CultureInfo.CurrentUICulture.Name;
        var result = await subscriptions.SubscribeAsync(slug, email, language, context.RequestAborted);
        await (result.Outcome switch
        {
            SubscriptionOutcome.Done => AnswerAsync(context, StatusCodes.Status200OK, "PublicSubscribeSentHeading", "PublicSubscribeSent", slug, email!.Trim()),
            SubscriptionOutcome.Invalid => AnswerAsync(context, StatusCodes.Status400BadRequest, "PublicSubscribeInvalidHeading", "PublicSubscribeInvalid", slug),
            _ => NotFoundAsync(context),
        });
    }

    private static async Task ConfirmAsync(string slug, string? token, HttpContext context, SubscriptionService subscriptions)
    {
        var result = await subscriptions.ConfirmAsync(slug, token, context.RequestAborted);
        await (result.Outcome == SubscriptionOutcome.Done
            ? AnswerAsync(context, StatusCodes.Status200OK, "PublicConfirmedHeading", "PublicConfirmed", slug, result.PageTitle!)
            : AnswerAsync(context, StatusCodes.Status404NotFound, "PublicLinkUnknownHeading", "PublicLinkUnknown", slug));
    }

    private static Task AskToUnsubscribeAsync(string slug, string? token, HttpContext context) =>
        SubscriptionTokens.LooksValid(token)
            ? AnswerAsync(context, StatusCodes.Status200OK, "PublicUnsubscribeHeading", "PublicUnsubscribeQuestion", slug,
                formAction: $"/status/{Uri.EscapeDataString(slug)}/unsubscribe?token={token}")
            : AnswerAsync(context, StatusCodes.Status404NotFound, "PublicLinkUnknownHeading", "PublicLinkUnknown", slug);

    private static async Task UnsubscribeAsync(string slug, string? token, HttpContext context, SubscriptionService subscriptions)
    {
        var result = await subscriptions.UnsubscribeAsync(slug, token, context.RequestAborted);
        await (result.Outcome == SubscriptionOutcome.Done
            ? AnswerAsync(context, StatusCodes.Status200OK, "PublicUnsubscribedHeading", "PublicUnsubscribed", slug, result.PageTitle!)
            : AnswerAsync(context, StatusCodes.Status404NotFound, "PublicLinkUnknownHeading", "PublicLinkUnknown", slug));
    }

    /// <returns>The posted form, or null when there is none or it is malformed (a broken multipart body): then a 400.</returns>
    private static async Task<IFormCollection?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try { return await request.ReadFormAsync(request.HttpContext.RequestAborted); }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { return null; }
    }

    /// <summary>
    /// A browser's post from another site names that site in Origin (or says cross-site in Sec-Fetch-Site); one
    /// without either header is not a browser's cross-site post, so it passes (curl, scripts of the reader's own).
    /// </summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return request.Headers["Sec-Fetch-Site"].ToString() is not ("cross-site" or "same-site");
    }

    private static async Task AnswerAsync(HttpContext context, int status, string headingKey, string messageKey, string slug,
        string? argument = null, string? formAction = null)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        var parameters = new Dictionary<string, object?>
        {
            [nameof(SubscriptionAnswerView.Heading)] = text[headingKey].Value,
            [nameof(SubscriptionAnswerView.Message)] = argument is null ? text[messageKey].Value : text[messageKey, argument].Value,
            [nameof(SubscriptionAnswerView.BackLink)] = slug.Length == 0 ? null : $"/status/{Uri.EscapeDataString(slug)}",
            [nameof(SubscriptionAnswerView.FormAction)] = formAction,
            [nameof(SubscriptionAnswerView.FormButton)] = formAction is null ? null : text["PublicUnsubscribeButton"].Value,
        };
        var html = await context.RequestServices.GetRequiredService<PublicStatusRenderer>()
            .RenderAsync<SubscriptionAnswerView>(parameters, CultureInfo.CurrentUICulture);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext context) =>
        AnswerAsync(context, StatusCodes.Status404NotFound, "PublicPageNotFoundHeading", "PublicPageNotFound", "");
}
