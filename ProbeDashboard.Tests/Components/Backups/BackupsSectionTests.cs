using Bunit;
using ProbeDashboard.Backups;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Components.Monitors;

namespace ProbeDashboard.Tests.Components.Backups;

/// <summary>The settings page's backups section, over the real backup service and a real SQLite file.</summary>
[Trait("Category", "SqliteOnly")]
public class BackupsSectionTests() : CoreComponentTest(UserRole.Admin)
{
    [Fact]
    public async Task Back_up_now_shows_progress_then_the_new_file_with_its_download_link()
    {
        await MigrateAsync();
        var section = Ctx.Render<BackupsSection>();
        Assert.Contains("No backups yet.", section.Markup);

        await section.Find("button").ClickAsync(new());

        section.WaitForAssertion(() => Assert.Single(section.FindAll("table.backup-list tbody tr")));
        var link = section.Find("table.backup-list a");
        Assert.Matches(@"^backups/probedashboard-\d{8}-\d{6}\.db$", link.GetAttribute("href"));
        Assert.Contains("made (", section.Find("[role=status]").TextContent);
        Assert.False(section.Find("button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Reads_in_chinese()
    {
        await MigrateAsync();
        UseCulture("zh-Hans");

        var section = Ctx.Render<BackupsSection>();

        Assert.Contains("立即备份", section.Find("button").TextContent);
        Assert.Contains("还没有备份。", section.Markup);
    }
}
