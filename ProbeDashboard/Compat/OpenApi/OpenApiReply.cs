using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeDashboard.Compat.OpenApi;

/// <summary>Seed 004's envelope: <c>{"code": 0, "msg": "...", "data": ...}</c>; errors carry no data.</summary>
public static class OpenApiReply
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Keys of node_resp, multi_realtime_res and user_summary are data (host names, tids, states).
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // The seed's messages are Chinese; send them readable, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object data, string? message = null) =>
        TypedResults.Json(new Envelope(OpenApiCode.Ok, message ?? OpenApiCode.Table[OpenApiCode.Ok].Message, data), Json, statusCode: 200);

    /// <param name="detail">Appended to the seed's message, e.g. which parameter is wrong.</param>
    public static IResult Error(int code, string? detail = null)
    {
        var (status, message) = OpenApiCode.Table[code];
        return TypedResults.Json(new ErrorEnvelope(code, detail is null ? message : $"{message}: {detail}"), Json, statusCode: status);
    }

    private sealed record Envelope(int Code, string Msg, object Data);

    private sealed record ErrorEnvelope(int Code, string Msg);
}
