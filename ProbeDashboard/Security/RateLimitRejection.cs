using System.Globalization;
using System.Threading.RateLimiting;
using ProbeDashboard.Api;

namespace ProbeDashboard.Security;

/// <summary>
/// How an endpoint answers 429: endpoint metadata set with <see cref="AnswerRateLimitWith{TBuilder}"/> (the agent and
/// compat APIs have their own envelopes), else the /api/v1 envelope under /api and plain text elsewhere.
/// </summary>
public sealed record RateLimitRejection(Func<HttpContext, string, Task> WriteAnswerAsync)
{
    public const string Message = "too many requests from this address, try again later";

    public static Task WriteAsync(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var custom = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitRejection>();
        if (custom is not null) return custom.WriteAnswerAsync(context, Message);
        return context.Request.Path.StartsWithSegments("/api")
            ? ApiErrorWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, Message)
            : context.Response.WriteAsync(Message, context.RequestAborted);
    }
}

public static class RateLimitRejectionExtensions
{
    /// <summary>Answers this endpoint's 429 with <paramref name="writeAsync"/> (given the context and a message).</summary>
    public static TBuilder AnswerRateLimitWith<TBuilder>(this TBuilder builder, Func<HttpContext, string, Task> writeAsync)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitRejection(writeAsync));
}
