using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Auth;

/// <summary>Where API tokens' signing key comes from: configuration, or a file generated once.</summary>
public class SigningKeyTests
{
    private const string Key = "a-configured-signing-key-of-more-than-32-bytes";

    [Fact]
    public async Task A_generated_key_is_private_to_the_owner_and_survives_a_restart()
    {
        using var data = new TempDirectory();
        string token;
        using (var first = new DashboardFactory())
        {
            first.Settings["Storage:DataDirectory"] = data.Path;
            token = await first.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword);
        }
        var file = Path.Combine(data.Path, "jwt-signing-key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        using var second = new DashboardFactory();
        second.Settings["Storage:DataDirectory"] = data.Path;
        using var client = second.CreateBearerClient(token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_configured_key_signs_the_tokens_and_none_is_generated()
    {
        using var factory = new DashboardFactory();
        factory.Settings["Auth:JwtSigningKey"] = Key;

        var token = await factory.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TokenClaims.Issuer,
            ValidAudience = TokenClaims.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "jwt-signing-key")));
    }

    [Fact]
    public void A_configured_key_shorter_than_32_bytes_stops_the_start()
    {
        using var factory = new DashboardFactory();
        factory.Settings["Auth:JwtSigningKey"] = "too-short";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Auth:JwtSigningKey", error.Message);
    }
}
