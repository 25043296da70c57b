using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A browser without script for the single sign-on round trip: follows redirects between the app (on TestServer,
/// reached through the factory's client) and the provider (a real socket), each with its own cookie jar.
/// </summary>
public sealed class SingleSignOnBrowser : IDisposable
{
    private readonly HttpClient _app;
    private readonly HttpClient _provider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
    private readonly Uri _providerBase;

    public SingleSignOnBrowser(DashboardFactory factory, OidcTestProvider provider)
    {
        _app = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _providerBase = new Uri(provider.Issuer);
    }

    /// <summary>The app's client, with the cookies the round trip left.</summary>
    public HttpClient App => _app;

    /// <summary>Every URL visited, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Opens <paramref name="url"/> and follows redirects until a page answers.</summary>
    /// <returns>The final answer; its URL is the last of <see cref="Visited"/>.</returns>
    public async Task<HttpResponseMessage> OpenAsync(string url, CancellationToken cancellationToken)
    {
        var next = new Uri(_app.BaseAddress!, url);
        for (var hop = 0; hop < 10; hop++)
        {
            Visited.Add(next);
            var onProvider = next.Authority == _providerBase.Authority;
            var response = await (onProvider ? _provider : _app).GetAsync(next, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect))
                return response;
            var location = response.Headers.Location!;
            next = location.IsAbsoluteUri ? location : new Uri(onProvider ? _providerBase : _app.BaseAddress!, location);
            response.Dispose();
        }
        throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", Visited));
    }

    /// <summary>Clicks "Sign in with …" on the sign-in page and follows the round trip.</summary>
    public Task<HttpResponseMessage> SignInAsync(CancellationToken cancellationToken) => OpenAsync("/account/login/oidc?returnUrl=%2F", cancellationToken);

    /// <summary>Where the browser ended up, as path and query of the app.</summary>
    public string LastPath => Visited[^1].PathAndQuery;

    public void Dispose()
    {
        _app.Dispose();
        _provider.Dispose();
    }
}
