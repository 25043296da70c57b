using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Security;

/// <summary>Headers, cookies, antiforgery and the Origin rule that protect a signed-in browser from other sites.</summary>
public class BrowserHardeningTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/v1/service-monitors")]
    [InlineData("/assets/css/app.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_sign_in_form_post_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("UserName", DashboardFactory.AdminUser), new("Password", DashboardFactory.AdminPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("probedashboard.auth")));
    }

    [Fact]
    public async Task A_blazor_circuit_from_a_foreign_origin_is_refused_and_from_our_own_is_not()
    {
        using var client = factory.CreateClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "http://evil.invalid");
        using var refused = await client.SendAsync(foreign);
        using var own = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var allowed = await client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task Session_and_antiforgery_cookies_are_http_only_same_site_and_secure_over_https(string baseAddress, bool secure)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        using var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("UserName", DashboardFactory.AdminUser),
            new("Password", DashboardFactory.AdminPassword), new("ReturnUrl", "/"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("probedashboard.auth="));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("samesite=(lax|strict)", c.ToLowerInvariant());
            Assert.Equal(secure, c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        });
    }
}
