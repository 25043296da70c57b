using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Ui;
using ProbeDashboard.Ui.Theme;

namespace ProbeDashboard.Tests.Components.Ui;

public class ThemeAndLanguageSwitchTests : ComponentTest
{
    [Fact]
    public void The_theme_switch_turns_dark_for_the_whole_circuit_and_remembers_it_in_the_browser()
    {
        var theme = Ctx.Services.GetRequiredService<ThemeState>();
        var changes = 0;
        theme.Changed += () => changes++;
        var remember = Ctx.JSInterop.SetupVoid("probeDashboard.remember", "pd-theme", "dark");

        var button = Ctx.Render<ThemeSwitch>();
        Assert.Equal("Switch to dark theme", button.Find("button").GetAttribute("aria-label"));
        button.OnRenderer(() => button.Find("button").Click());

        Assert.True(theme.IsDark);
        Assert.Equal(1, changes);
        remember.VerifyInvoke("probeDashboard.remember");
        Assert.Equal("Switch to light theme", button.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_theme_switch_speaks_chinese_when_the_ui_does()
    {
        UseCulture("zh-Hans");
        var button = Ctx.Render<ThemeSwitch>();
        Assert.DoesNotContain("theme", button.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_language_menu_offers_both_languages_and_switches_with_a_full_page_load()
    {
        var popovers = RenderPopovers();
        var menu = Ctx.Render<LanguageSwitch>();
        menu.OnRenderer(() => menu.Find("button").Click());

        var items = popovers.FindAll(".mud-menu-item");
        Assert.Equal(["English", "简体中文"], items.Select(i => i.TextContent.Trim()));
        Assert.Equal("true", items[0].GetAttribute("aria-current"));

        popovers.OnRenderer(() => popovers.FindAll(".mud-menu-item")[1].Click());
        var navigation = Ctx.Services.GetRequiredService<BunitNavigationManager>();
        menu.WaitForState(() => navigation.History.Count > 0);
        var visit = navigation.History.First();
        Assert.StartsWith("culture/set?culture=zh-Hans", visit.Uri);
        Assert.True(visit.Options.ForceLoad);
    }
}
