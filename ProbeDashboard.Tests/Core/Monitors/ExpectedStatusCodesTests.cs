using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Core.Monitors;

public class ExpectedStatusCodesTests
{
    [Theory]
    [InlineData(null, 200, true)]
    [InlineData("", 302, true)]
    [InlineData(null, 404, false)]
    [InlineData("200", 200, true)]
    [InlineData("200", 204, false)]
    [InlineData("200,204,300-399", 204, true)]
    [InlineData("200,204,300-399", 301, true)]
    [InlineData("200,204,300-399", 400, false)]
    [InlineData(" 500 - 503 ", 503, true)]
    public void Accepts_listed_codes_and_ranges_and_any_2xx_or_3xx_by_default(string? text, int status, bool accepted)
    {
        Assert.True(ExpectedStatusCodes.TryParse(text, out var codes));
        Assert.Equal(accepted, codes.Accepts(status));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("200,")]
    [InlineData("300-200")]
    [InlineData("200-300-400")]
    [InlineData("-200")]
    public void Rejects_malformed_lists(string text) => Assert.False(ExpectedStatusCodes.TryParse(text, out _));
}
