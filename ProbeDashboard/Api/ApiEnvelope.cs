using System.Text.Json.Serialization;

namespace ProbeDashboard.Api;

/// <summary>Seed 001's envelope: <c>{"code": 0, "message": "success", "data": ...}</c>; errors carry a non-zero code.</summary>
public record ApiEnvelope(
    int Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ApiEnvelope Success(string message = "success") => new(0, message);

    public static ApiEnvelope<T> Ok<T>(T data, string message = "success") => new(0, message, data);

    /// <param name="code">Non-zero; by convention the HTTP status that goes with it.</param>
    public static ApiEnvelope Error(int code, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(code, message, errors);
}

public record ApiEnvelope<T>(int Code, string Message, T Data);

/// <summary>One page of a list, as seed 001 shapes it.</summary>
public record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
