using System.Globalization;
using System.Resources;
using ProbeDashboard.Audit;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Resources;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Tests.Components.Audit;

/// <summary>Every audit action has a name in both languages; details and targets translate by pattern, names stay as written.</summary>
public class AuditTextTests
{
    private static readonly CultureInfo Chinese = new("zh-Hans");
    private static readonly ResourceManager Texts = new(typeof(UiText));

    public static TheoryData<string> Actions => [.. AuditActions.All];

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_has_a_name_in_english_and_in_chinese(string action)
    {
        var english = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.GetString("AuditAction_" + action);
        var chinese = Texts.GetResourceSet(Chinese, createIfNotExists: true, tryParents: false)!.GetString("AuditAction_" + action);
        Assert.False(string.IsNullOrWhiteSpace(english), $"UiText.resx has no AuditAction_{action}");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"UiText.zh-Hans.resx has no AuditAction_{action}");
        Assert.NotEqual(english, chinese);
    }

    [Fact]
    public void Every_action_constant_is_in_the_list_the_page_offers()
    {
        var constants = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(), AuditActions.All.Order());
    }

    [Theory]
    [InlineData("name: ops → on-call; recipients: 1 Email → 2 Email", "名称：ops → on-call; 接收者：1 Email → 2 Email")]
    [InlineData("raw_days: 30 -> 60, rollup_days: 400 -> 800", "原始数据天数：30 -> 60，汇总数据天数：400 -> 800")]
    [InlineData("paused", "已暂停")]
    [InlineData("Http http://127.0.0.1:8080/health via api", "Http http://127.0.0.1:8080/health（经由 api）")]
    [InlineData("Tcp 127.0.0.1:5432; changed name, target", "Tcp 127.0.0.1:5432; 已更改 name, target")]
    [InlineData("host #4 via proxy 127.0.0.2", "主机 #4，经代理 127.0.0.2")]
    [InlineData("latency > 2", "latency > 2")]
    public void Known_details_read_in_chinese_part_by_part(string detail, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            Assert.Equal(expected, AuditText.Detail(detail));
            Assert.Equal("用户 #3 alice", AuditText.Target("user #3 alice"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Audit_patterns_never_rewrite_other_core_texts()
    {
        Assert.Equal("paused", CoreTextTranslator.Shared.Translate("paused", Chinese));
        Assert.Equal("user #3 alice", CoreTextTranslator.Shared.Translate("user #3 alice", Chinese));
        Assert.Equal("已暂停", CoreTextTranslator.Audit.Translate("paused", Chinese));
    }
}
