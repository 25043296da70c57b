using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Probing;

public class ExpectedStatusCodesTests
{
    [Theory]
    [InlineData(null, 200, true)]
    [InlineData("", 302, true)]
    [InlineData("  ", 399, true)]
    [InlineData(null, 404, false)]
    [InlineData(null, 199, false)]
    [InlineData("200", 200, true)]
    [InlineData("200", 204, false)]
    [InlineData("200,204,300-399", 204, true)]
    [InlineData("200,204,300-399", 301, true)]
    [InlineData("200,204,300-399", 400, false)]
    [InlineData(" 401 , 403 ", 403, true)]
    [InlineData("500-599", 503, true)]
    public void Accepts_exactly_the_listed_codes_and_ranges(string? text, int status, bool accepted)
    {
        Assert.True(ExpectedStatusCodes.TryParse(text, out var codes, out var error));
        Assert.Null(error);
        Assert.Equal(accepted, codes.Contains(status));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("200,")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("399-300")]
    [InlineData("200-300-400")]
    [InlineData("-200")]
    public void Rejects_text_that_is_not_codes_or_ranges_with_a_reason(string text)
    {
        Assert.False(ExpectedStatusCodes.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => ExpectedStatusCodes.Parse(text));
    }

    [Fact]
    public void Describes_itself_the_way_the_error_message_needs()
    {
        Assert.Equal("expected status 200, got 503", ProbeErrors.UnexpectedStatus(ExpectedStatusCodes.Parse("200"), 503));
        Assert.Equal("expected status 200,300-399, got 404", ProbeErrors.UnexpectedStatus(ExpectedStatusCodes.Parse("200, 300-399"), 404));
        Assert.Equal("expected status 2xx/3xx, got 500", ProbeErrors.UnexpectedStatus(ExpectedStatusCodes.Parse(null), 500));
    }
}
