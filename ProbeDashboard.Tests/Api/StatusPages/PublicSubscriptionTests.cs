using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// The reader's side of subscriptions without scripts: the form on the page, plain form posts, the confirmation and
/// unsubscribe links; bad input answers 400/403/404 with a page and saves nothing; a known address gets the same answer.
/// </summary>
public partial class PublicSubscriptionTests(SubscriptionFactory factory) : IClassFixture<SubscriptionFactory>
{
    private static int _serial;

    [Fact]
    public async Task The_public_page_has_a_subscribe_form_that_posts_without_scripts()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/status/{page.Slug}");

        Assert.Contains($"""<form method="post" action="/status/{page.Slug}/subscribe">""", html);
        Assert.Contains("""<input id="subscribe-email" name="email" type="email" required""", html);
        Assert.Contains("""<label for="subscribe-email">E-mail address</label>""", html);
    }

    [Fact]
    public async Task Subscribing_queues_one_confirmation_mail_and_confirming_makes_the_subscriber_count()
    {
        var page = await PageAsync();
        var email = NewAddress();
        using var client = factory.CreateClient();

        using var answer = await client.PostAsync($"/status/{page.Slug}/subscribe", Form(email));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Check your inbox", await answer.Content.ReadAsStringAsync());
        var mail = Assert.Single(await OutboxAsync(email));
        Assert.Equal((NotificationChannelKind.Email, NotificationPurpose.StatusPageSubscription), (mail.Channel, mail.Purpose));
        Assert.Equal($"Confirm your subscription to {page.Title}", mail.Subject);
        var token = ConfirmToken(mail.Body);
        Assert.DoesNotContain(token, await factory.WithDbAsync(db => db.StatusPageSubscribers.Where(s => s.Email == email).Select(s => s.ConfirmTokenHash + s.UnsubscribeTokenHash).SingleAsync()));

        using var admin = await factory.CreateAdminClientAsync();
        var counts = (await (await admin.GetAsync($"/api/v1/status-pages/{page.Id}/subscribers")).JsonAsync()).GetProperty("data");
        Assert.Equal((0, 1), (counts.GetProperty("confirmed").GetInt32(), counts.GetProperty("pending").GetInt32()));

        using var confirmed = await client.GetAsync($"/status/{page.Slug}/confirm?token={token}");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains($"You will get an e-mail about incidents and outages on {page.Title}", await confirmed.Content.ReadAsStringAsync());
        counts = (await (await admin.GetAsync($"/api/v1/status-pages/{page.Id}/subscribers")).JsonAsync()).GetProperty("data");
        Assert.Equal((1, 0), (counts.GetProperty("confirmed").GetInt32(), counts.GetProperty("pending").GetInt32()));

        using var again = await client.GetAsync($"/status/{page.Slug}/confirm?token={token}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_known_address_gets_the_same_answer_and_no_second_mail_while_pending_or_once_confirmed()
    {
        var page = await PageAsync();
        var email = NewAddress();
        using var client = factory.CreateClient();
        var fresh = await SubscribeAsync(client, page, email);

        var pending = await SubscribeAsync(client, page, email.ToUpperInvariant());
        await client.GetAsync($"/status/{page.Slug}/confirm?token={ConfirmToken(Assert.Single(await OutboxAsync(email)).Body)}");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var confirmed = await SubscribeAsync(client, page, email);

        Assert.Equal(fresh.Replace(email, ""), pending.Replace(email.ToUpperInvariant(), ""));
        Assert.Equal(fresh, confirmed);
        Assert.Single(await OutboxAsync(email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("two@example.test, three@example.test")]
    [InlineData("Reader <reader@example.test>")]
    [InlineData("nodomain@")]
    public async Task A_bad_address_is_a_400_page_and_saves_nothing(string email)
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();

        using var answer = await client.PostAsync($"/status/{page.Slug}/subscribe", Form(email));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Enter an e-mail address such as name@example.com.", await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page.Id)));
    }

    [Fact]
    public async Task A_post_without_a_form_body_a_broken_multipart_body_an_overlong_address_unknown_and_unpublished_pages_are_refused()
    {
        var draft = await factory.AddPageAsync(false, null, ("S", []));
        var page = await PageAsync();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/status/{page.Slug}/subscribe", ApiJson.Raw("""{"email": "a@example.test"}"""))).StatusCode);
        var brokenMultipart = new StringContent("""{"email": "a@example.test"}""");
        brokenMultipart.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/status/{page.Slug}/subscribe", brokenMultipart)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/status/{page.Slug}/subscribe", Form(new string('a', 250) + "@example.test"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/status/no-such-page/subscribe", Form(NewAddress()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/status/{draft.Slug}/subscribe", Form(NewAddress()))).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page.Id || s.StatusPageId == draft.Id)));
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        using var crossOrigin = new HttpRequestMessage(HttpMethod.Post, $"/status/{page.Slug}/subscribe") { Content = Form(NewAddress()) };
        crossOrigin.Headers.Add("Origin", "https://evil.example");
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/status/{page.Slug}/subscribe") { Content = Form(NewAddress()) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"/status/{page.Slug}/subscribe") { Content = Form(NewAddress()) };
        sameOrigin.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(crossOrigin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(crossSite)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(sameOrigin)).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page.Id)));
    }

    [Fact]
    public async Task Unknown_junk_expired_and_other_pages_tokens_are_a_404_page()
    {
        var page = await PageAsync();
        var other = await PageAsync();
        var email = NewAddress();
        using var client = factory.CreateClient();
        await SubscribeAsync(client, page, email);
        var token = ConfirmToken(Assert.Single(await OutboxAsync(email)).Body);

        foreach (var url in new[]
        {
            $"/status/{page.Slug}/confirm?token={new string('A', 43)}", $"/status/{page.Slug}/confirm?token=%00'--", $"/status/{page.Slug}/confirm",
            $"/status/{other.Slug}/confirm?token={token}", $"/status/{page.Slug}/unsubscribe?token=short",
        })
        {
            using var answer = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Contains("This link does not work", await answer.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/status/{page.Slug}/unsubscribe?token={new string('A', 43)}", null)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(48));
        using var expired = await client.GetAsync($"/status/{page.Slug}/confirm?token={token}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.StatusPageSubscribers.Where(s => s.Email == email).Select(s => s.ConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_reader_of_the_chinese_page_gets_the_confirmation_in_chinese()
    {
        var page = await PageAsync();
        var email = NewAddress();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        Assert.Contains("订阅通知", WebUtility.HtmlDecode(await client.GetStringAsync($"/status/{page.Slug}")));
        using var answer = await client.PostAsync($"/status/{page.Slug}/subscribe", Form(email, lang: "zh-Hans"));

        Assert.Contains("请查收邮件", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
        Assert.Equal($"请确认订阅：{page.Title}", Assert.Single(await OutboxAsync(email)).Subject);
    }

    [Fact]
    public async Task Operators_remove_an_address_through_the_api_and_unknown_pages_or_addresses_are_404()
    {
        var page = await PageAsync();
        var email = NewAddress();
        using var client = factory.CreateClient();
        await SubscribeAsync(client, page, email);
        using var viewer = await factory.CreateClientAsync(ProbeDashboard.Core.Auth.UserRole.Viewer);
        using var operatorClient = await factory.CreateClientAsync(ProbeDashboard.Core.Auth.UserRole.Operator);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync($"/api/v1/status-pages/{page.Id}/subscribers/{Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/status-pages/{page.Id}/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/status-pages/{page.Id}/subscribers/{Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/v1/status-pages/999999/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync($"/api/v1/status-pages/999999/subscribers/{Uri.EscapeDataString(email)}")).StatusCode);
        using var unknown = await operatorClient.DeleteAsync($"/api/v1/status-pages/{page.Id}/subscribers/nobody%40example.test");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(404, (await unknown.JsonAsync()).GetProperty("code").GetInt32());

        using var removed = await operatorClient.DeleteAsync($"/api/v1/status-pages/{page.Id}/subscribers/{Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page.Id)));
    }

    internal static FormUrlEncodedContent Form(string email, string lang = "en") => new(new Dictionary<string, string> { ["email"] = email, ["lang"] = lang });

    internal static string ConfirmToken(string body) => ConfirmLink().Match(body) is { Success: true } m ? m.Groups["token"].Value : throw new Xunit.Sdk.XunitException("no confirmation link in: " + body);

    private static async Task<string> SubscribeAsync(HttpClient client, StatusPage page, string email)
    {
        using var answer = await client.PostAsync($"/status/{page.Slug}/subscribe", Form(email));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    private Task<StatusPage> PageAsync() => factory.AddPageAsync(true, null, ("S", []));

    private static string NewAddress() => $"reader{Interlocked.Increment(ref _serial)}@example.test";

    private Task<List<NotificationOutboxEntry>> OutboxAsync(string email) =>
        factory.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().Where(o => o.Address == email).OrderBy(o => o.Id).ToListAsync());

    [GeneratedRegex(@"/confirm\?token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();
}

/// <summary>The per-client limit: the third subscribe post within the hour is a 429 page with Retry-After, and queues nothing.</summary>
public class SubscriptionRateLimitTests(RateLimitedSubscriptionFactory factory) : IClassFixture<RateLimitedSubscriptionFactory>
{
    [Fact]
    public async Task The_third_post_in_an_hour_is_refused_with_429()
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/status/{page.Slug}/subscribe", PublicSubscriptionTests.Form("one@example.test"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/status/{page.Slug}/subscribe", PublicSubscriptionTests.Form("two@example.test"))).StatusCode);
        using var third = await client.PostAsync($"/status/{page.Slug}/subscribe", PublicSubscriptionTests.Form("three@example.test"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), third.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many subscribe requests", await third.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.Email == "three@example.test")));
    }
}
