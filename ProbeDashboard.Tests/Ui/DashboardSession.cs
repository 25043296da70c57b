using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>A browser-like HTTP client for the server-rendered pages: keeps cookies, does not follow redirects.</summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly HttpClient _client;

    public DashboardSession(DashboardFactory factory) =>
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Client => _client;

    /// <summary>Posts the sign-in form the way a browser does (antiforgery token from the page).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var token = await FormTokenAsync("/login", cancellationToken);
        return await _client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
        }), cancellationToken);
    }

    public async Task<string> FormTokenAsync(string page, CancellationToken cancellationToken)
    {
        var html = await _client.GetStringAsync(page, cancellationToken);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public static string? Title(string html) => TitlePattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();
}
