using System.Text;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Compat;

/// <summary>The seed 004 signature string and password forms, and the bounded replay cache.</summary>
public class OpenApiSignatureTests
{
    [Fact]
    public void Parameters_are_sorted_by_name_and_joined_unescaped_as_the_seeds_client_does()
    {
        var canonical = OpenApiSignature.Canonical([
            new("url", "http://www.baidu.com/"), new("type", "HTTP"), new("time", "1490694173"), new("name", "my test")]);
        // urlencode then unquote: everything comes back except a space, which stays '+'.
        Assert.Equal("name=my+test&time=1490694173&type=HTTP&url=http://www.baidu.com/", canonical);
    }

    [Fact]
    public void The_signature_is_hex_hmac_sha1_keyed_with_the_api_key()
    {
        // RFC 2202 test case 2 for HMAC-SHA1.
        Assert.Equal("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", OpenApiSignature.Sign("Jefe", "what do ya want for nothing?"));
    }

    [Fact]
    public void A_password_matches_as_hex_in_any_case_or_as_base64_of_the_hex_and_nothing_else()
    {
        var hex = OpenApiSignature.Sign("3077f20de0644a92b0ae024519063d2b", "name=test&time=1490694173&type=HTTP&url=http://www.baidu.com/");
        Assert.True(OpenApiSignature.Matches(hex, hex));
        Assert.True(OpenApiSignature.Matches(hex, hex.ToUpperInvariant()));
        Assert.True(OpenApiSignature.Matches(hex, Convert.ToBase64String(Encoding.ASCII.GetBytes(hex))));
        Assert.False(OpenApiSignature.Matches(hex, hex[..^1] + (hex[^1] == '0' ? '1' : '0')));
        Assert.False(OpenApiSignature.Matches(hex, ""));
        Assert.False(OpenApiSignature.Matches(hex, "MjkwNGM0MzllZmY4N2RhMjVhNTk0ZDE4NzA5NmQ3MmI3NGQ4OGMwNQ=="));
    }

    [Fact]
    public void A_request_is_accepted_once_inside_its_window_and_forgotten_after_it()
    {
        var time = new ManualTimeProvider();
        var cache = new ReplayCache(Options.Create(new OpenApiOptions()), time);
        var sent = time.GetUtcNow();
        Assert.True(cache.TryAccept("a", sent));
        Assert.False(cache.TryAccept("a", sent));
        Assert.True(cache.TryAccept("b", sent));

        time.Advance(TimeSpan.FromSeconds(301));
        Assert.True(cache.TryAccept("c", time.GetUtcNow()));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void The_cache_never_grows_past_its_size_and_drops_the_entry_nearest_expiry_first()
    {
        var time = new ManualTimeProvider();
        var cache = new ReplayCache(Options.Create(new OpenApiOptions { ReplayCacheSize = 100 }), time);
        var now = time.GetUtcNow();
        Assert.True(cache.TryAccept("oldest", now.AddSeconds(-200)));
        for (var i = 0; i < 150; i++) Assert.True(cache.TryAccept($"k{i}", now));
        Assert.Equal(100, cache.Count);
        Assert.True(cache.TryAccept("oldest", now.AddSeconds(-200)));
        Assert.False(cache.TryAccept("k149", now));
    }
}
