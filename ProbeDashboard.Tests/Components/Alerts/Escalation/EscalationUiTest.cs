using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Resources;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts.Escalation;

/// <summary>Base for the escalation UI tests: policies made through the Core service, and MudSelect choices picked as a user does.</summary>
public abstract class EscalationUiTest(AlertTestFactory factory) : AlertComponentTest(factory)
{
    protected EscalationPolicyService Policies => Factory.Services.GetRequiredService<EscalationPolicyService>();

    protected IStringLocalizer<UiText> Text => Ctx.Services.GetRequiredService<IStringLocalizer<UiText>>();

    protected IDialogService DialogService => Ctx.Services.GetRequiredService<IDialogService>();

    protected async Task<EscalationPolicy> AddPolicyAsync(string name, params (int After, int[] Groups)[] steps)
    {
        var saved = await Policies.CreateAsync(TestActors.Admin,
            new EscalationPolicyInput(name, [.. steps.Select(s => new EscalationStepInput(s.After, s.Groups))]), CancellationToken.None);
        Assert.Equal(EscalationChangeOutcome.Done, saved.Outcome);
        return saved.Policy!;
    }

    /// <summary>Opens the select <paramref name="select"/> finds, and clicks the choices named, as a user does (a multi-select stays open, as in the browser).</summary>
    /// <remarks>Several selects may offer the same names: only the list this select controls is searched.</remarks>
    protected void Pick<T>(IRenderedComponent<T> cut, Func<IRenderedComponent<T>, AngleSharp.Dom.IElement> select, params string[] choices)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        AngleSharp.Dom.IElement Input() => select(cut).QuerySelector("input.mud-select-input")!;
        cut.OnRenderer(() => select(cut).QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input-slot")!.MouseDown());
        cut.WaitForAssertion(() => Assert.False(string.IsNullOrEmpty(Input().GetAttribute("aria-controls"))));
        var list = "#" + Input().GetAttribute("aria-controls");
        foreach (var choice in choices)
        {
            Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll($"{list} .mud-list-item"), i => i.TextContent.Trim() == choice));
            Popovers.OnRenderer(() => Popovers.FindAll($"{list} .mud-list-item").First(i => i.TextContent.Trim() == choice).Click());
        }
    }

    /// <summary>The innermost select whose label reads <paramref name="label"/>.</summary>
    protected static AngleSharp.Dom.IElement Select<T>(IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-select").Last(s => s.QuerySelector("label")?.TextContent.Trim() == label);
}
