using Bunit;
using ProbeDashboard.Monitors.Kinds;

namespace ProbeDashboard.Tests.Components.Monitors.Kinds;

/// <summary>The DNS section of the monitor form: what it edits and the Core's errors under it.</summary>
public class DnsFieldsTests : ComponentTest
{
    private IRenderedComponent<DnsFields> Render(DnsFieldsModel model, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Ctx.Render<DnsFields>(p => p.Add(c => c.Model, model).Add(c => c.Errors, errors ?? new Dictionary<string, string[]>()));

    [Fact]
    public void Edits_resolver_and_expected_answer_into_the_input()
    {
        var model = new DnsFieldsModel();
        var cut = Render(model);

        cut.Fill("Resolver", "127.0.0.1:5353");
        cut.Fill("Expected answer", "127.0.0.10");

        var input = model.ToInput();
        Assert.Equal(("A", "127.0.0.1:5353", "udp", "127.0.0.10"), (input.RecordType, input.Resolver, input.Protocol, input.Expected));
    }

    [Fact]
    public void The_cores_errors_show_under_their_fields()
    {
        var cut = Render(new DnsFieldsModel { Resolver = "dns.example" },
            new Dictionary<string, string[]> { ["dns.resolver"] = ["must be an IP address"], ["dns"] = ["applies to DNS monitors (type 4) only"] });

        Assert.Contains("must be an IP address", cut.Find(".mud-input-helper-text.mud-input-error").TextContent);
        Assert.Contains("applies to DNS monitors", cut.Find(".field-error").TextContent);
    }

    [Fact]
    public void Chinese_labels()
    {
        UseCulture("zh-Hans");
        var cut = Render(new DnsFieldsModel());
        Assert.Contains("DNS 查询", cut.Find("h3").TextContent);
        Assert.NotNull(cut.Field("解析服务器"));
    }
}
