namespace ProbeDashboard.Tests.Api.Security.Fuzz;

/// <summary>One generated request; <see cref="ToString"/> is what a failure report shows to reproduce it.</summary>
public sealed record FuzzRequest(int Number, string Method, string PathAndQuery, string Credential, string? ContentType, byte[]? Body)
{
    public HttpRequestMessage ToMessage(IReadOnlyDictionary<string, string> credentials)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (credentials.TryGetValue(Credential, out var header) && header.Length > 0)
            message.Headers.TryAddWithoutValidation("Authorization", header);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200));
        return $"#{Number} {Method} {PathAndQuery} as {Credential} [{ContentType}] {body}";
    }
}
