namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>Seed 002's error codes, exactly; 0 is success.</summary>
public enum IpLiveCode
{
    Ok = 0,
    UnknownError = 1001,
    MissingParam = 1002,
    InvalidParam = 1003,
    BadToken = 1004,
    UnknownApp = 1005,
}

/// <summary>What an iplive call answers: <c>{"code": N, "msg": "..."}</c>, with the affected ids on success.</summary>
public sealed record IpLiveOutcome(IpLiveCode Code, string Msg, object? Data = null)
{
    public static IpLiveOutcome Ok(object data) => new(IpLiveCode.Ok, "success", data);
    public static IpLiveOutcome Missing(string param) => new(IpLiveCode.MissingParam, $"Lack of Param: {param}");
    public static IpLiveOutcome Invalid(string problem) => new(IpLiveCode.InvalidParam, $"Param Error: {problem}");
    public static readonly IpLiveOutcome BadToken = new(IpLiveCode.BadToken, "Token not right");
    public static IpLiveOutcome UnknownApp(string appName) => new(IpLiveCode.UnknownApp, $"Not found valid function for app name {appName}");
}
