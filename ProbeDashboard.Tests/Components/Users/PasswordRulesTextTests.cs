using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Users;

namespace ProbeDashboard.Tests.Components.Users;

/// <summary>Identity's password rules: English where they are made (API, logs), Chinese where the UI shows them.</summary>
public class PasswordRulesTextTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public void The_describer_words_refusals_in_english_whatever_the_language_and_keeps_identitys_codes()
    {
        UseCulture("zh-Hans");
        var describer = App.Services.GetRequiredService<IdentityErrorDescriber>();

        Assert.IsType<IdentityTextDescriber>(describer);
        var tooShort = describer.PasswordTooShort(8);
        Assert.Equal(("PasswordTooShort", "Passwords must be at least 8 characters."), (tooShort.Code, tooShort.Description));
        Assert.Equal("Username 'a b' is invalid, can only contain letters or digits.", describer.InvalidUserName("a b").Description);
        Assert.Equal("Passwords must have at least one digit ('0'-'9').", describer.PasswordRequiresDigit().Description);
    }

    [Fact]
    public async Task In_chinese_the_create_and_reset_dialogs_name_the_password_rule_in_chinese()
    {
        await App.CreateUserAsync(UserRole.Operator, "zh-reset-target");
        await SignInAsync(UserRole.Admin, "zh-users-admin");
        UseCulture("zh-Hans");
        RenderPopovers();
        var dialogs = Ctx.Render<MudDialogProvider>();
        var page = Ctx.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("zh-reset-target", page.Find("table").TextContent));

        page.Press("新建用户");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#create-user-form")));
        dialogs.OnRenderer(() => dialogs.Field("用户名").Input("zh-short-password"));
        dialogs.OnRenderer(() => dialogs.Field("密码").Input("x"));
        dialogs.OnRenderer(() => dialogs.Find("form#create-user-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Contains("密码长度至少为 8 个字符。", dialogs.Find(".mud-input-error").TextContent));
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudDialog>().Instance.CloseAsync());

        page.Press("重置 zh-reset-target 的密码");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#reset-password-form")));
        dialogs.OnRenderer(() => dialogs.Field("新密码").Input("y"));
        dialogs.OnRenderer(() => dialogs.Find("form#reset-password-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Contains("密码长度至少为 8 个字符。", dialogs.Find(".mud-input-error").TextContent));
    }
}
