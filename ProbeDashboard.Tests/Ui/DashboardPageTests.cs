using System.Net;
using System.Net.Http.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

public class DashboardPageTests : IClassFixture<DashboardFactory>
{
    private const string ViewerPassword = "viewer-password-1";
    private readonly DashboardFactory _factory;

    public DashboardPageTests(DashboardFactory factory) => _factory = factory;

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Theory]
    [InlineData("/")]
    [InlineData("/monitors")]
    [InlineData("/monitors/1")]
    [InlineData("/settings")]
    public async Task Pages_send_a_signed_out_visitor_to_the_sign_in_page(string page)
    {
        using var session = new DashboardSession(_factory);
        var response = await session.Client.GetAsync(page, Timeout());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query);
    }

    [Fact]
    public async Task Sign_in_page_is_a_plain_form_with_antiforgery_and_both_languages()
    {
        using var session = new DashboardSession(_factory);
        var html = await session.Client.GetStringAsync("/login", Timeout());
        Assert.Equal("Sign in · ProbeDashboard", DashboardSession.Title(html));
        Assert.Contains("action=\"account/login\"", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.Contains("简体中文", WebUtility.HtmlDecode(html));
        // No circuit before the user is known: Blazor's script is only prefetched for the page after the sign-in.
        Assert.DoesNotContain("<script src=\"_framework/blazor.web.js", html);
        Assert.Contains("<link rel=\"prefetch\" href=\"_framework/blazor.web.js?v=", html);
    }

    [Fact]
    public async Task Admin_signs_in_and_gets_titled_pages_in_the_chosen_language()
    {
        using var session = new DashboardSession(_factory);
        var signIn = await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        Assert.Equal("Overview · ProbeDashboard", DashboardSession.Title(await session.Client.GetStringAsync("/", Timeout())));
        var monitors = await session.Client.GetStringAsync("/monitors", Timeout());
        Assert.Equal("Monitors · ProbeDashboard", DashboardSession.Title(monitors));
        Assert.Contains("No monitors yet", monitors);

        var switched = await session.Client.GetAsync("/culture/set?culture=zh-Hans&returnUrl=%2Fmonitors", Timeout());
        Assert.Equal("/monitors", switched.Headers.Location!.OriginalString);
        var chinese = await session.Client.GetStringAsync("/monitors", Timeout());
        Assert.Equal("监控 · ProbeDashboard", DashboardSession.Title(chinese));
        Assert.Contains("还没有监控", WebUtility.HtmlDecode(chinese));
    }

    [Fact]
    public async Task Language_switch_never_redirects_off_site()
    {
        using var session = new DashboardSession(_factory);
        var response = await session.Client.GetAsync("/culture/set?culture=en&returnUrl=%2F%2Fevil.example%2F", Timeout());
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_and_the_page_says_so()
    {
        await _factory.CreateUserAsync(UserRole.Operator, "locky", "locky-password-1");
        using var session = new DashboardSession(_factory);
        var first = await session.SignInAsync("locky", "wrong", Timeout());
        Assert.Contains("error=invalid", first.Headers.Location!.OriginalString);
        for (var i = 0; i < 4; i++) await session.SignInAsync("locky", "wrong", Timeout());

        var correct = await session.SignInAsync("locky", "locky-password-1", Timeout());
        Assert.Contains("error=locked", correct.Headers.Location!.OriginalString);
        var page = await session.Client.GetStringAsync(correct.Headers.Location.OriginalString, Timeout());
        Assert.Contains("Too many failed attempts", page);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/", Timeout())).StatusCode);
    }

    [Fact]
    public async Task Viewer_sees_monitors_but_is_refused_the_create_page_with_403()
    {
        await _factory.CreateUserAsync(UserRole.Viewer, "viewer", ViewerPassword);
        using var session = new DashboardSession(_factory);
        await session.SignInAsync("viewer", ViewerPassword, Timeout());

        var list = await session.Client.GetAsync("/monitors", Timeout());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Add your first monitor", await list.Content.ReadAsStringAsync());

        var create = await session.Client.GetAsync("/monitors/new", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var denied = await session.Client.GetAsync(create.Headers.Location!, Timeout());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("You don&#x27;t have permission", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var session = new DashboardSession(_factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/settings", Timeout())).StatusCode);

        var token = await session.FormTokenAsync("/settings", Timeout());
        var signOut = await session.Client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Timeout());
        Assert.Equal("/login", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/settings", Timeout())).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_sign_in_cookie_stops_working_on_the_next_page_load()
    {
        using var factory = new DashboardFactory();
        factory.Settings["Auth:SessionRevalidateSeconds"] = "0";
        var operatorUser = await factory.CreateUserAsync(UserRole.Operator, "night-shift", ViewerPassword);
        using var session = new DashboardSession(factory);
        await session.SignInAsync("night-shift", ViewerPassword, Timeout());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/settings", Timeout())).StatusCode);

        using var admin = await factory.CreateAdminClientAsync();
        var disable = await admin.PatchAsync($"/api/v1/users/{operatorUser.Id}/toggle",
            JsonContent.Create(new { enable = false }), Timeout());
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var after = await session.Client.GetAsync("/settings", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/login", after.Headers.Location!.OriginalString);
    }
}
