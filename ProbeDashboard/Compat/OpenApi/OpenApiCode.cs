namespace ProbeDashboard.Compat.OpenApi;

/// <summary>Seed 004's result codes, each with the seed's message and the HTTP status we answer it with.</summary>
public static class OpenApiCode
{
    public const int Ok = 0;
    public const int InternalError = 1000;
    public const int NoBasicAuth = 1001;
    public const int InvalidAuth = 1002;
    public const int AuthExpired = 1003;
    public const int WrongApiIdOrKey = 1004;
    public const int BadSignature = 1005;
    public const int InvalidParameter = 10001;
    public const int UnsupportedType = 10002;
    public const int TaskLimitReached = 10003;
    public const int TaskExists = 10004;
    public const int TaskNotFound = 20001;
    public const int TaskPaused = 20002;
    public const int AlertGroupInvalid = 30001;
    public const int AlertGroupLimitReached = 30002;
    public const int NoPermission = -1;
    public const int BadUserName = -2;
    public const int UserExists = -3;

    /// <summary>Every code with its HTTP status and the seed's message; the README's table is this one.</summary>
    public static readonly IReadOnlyDictionary<int, (int Status, string Message)> Table = new Dictionary<int, (int, string)>
    {
        [Ok] = (200, "操作成功"),
        [InternalError] = (500, "API内部错误"),
        [NoBasicAuth] = (401, "请求无 basic auth 认证"),
        [InvalidAuth] = (401, "无效的认证信息"),
        [AuthExpired] = (401, "认证信息过期"),
        [WrongApiIdOrKey] = (401, "错误的app_id或app_key"),
        [BadSignature] = (401, "无效的认证签名"),
        [InvalidParameter] = (400, "请求必需的参数缺失或参数值无效，请修改参数"),
        [UnsupportedType] = (400, "不支持的监控类型或type参数缺失，请修改监控类型"),
        [TaskLimitReached] = (403, "已达监控任务数上限，请申请提高监控任务数上限"),
        [TaskExists] = (409, "创建的监控任务已存在，请修改任务数据"),
        [TaskNotFound] = (404, "监控任务不存在或无权限获取该任务信息，请修改参数"),
        [TaskPaused] = (409, "监控任务已经暂停，无实时数据"),
        [AlertGroupInvalid] = (400, "参数不合法，请修改参数"),
        [AlertGroupLimitReached] = (403, "告警组数量已达上限"),
        [NoPermission] = (403, "无当前API调用权限"),
        [BadUserName] = (400, "username参数缺失或参数不合法"),
        [UserExists] = (409, "用户已存在"),
    };
}
