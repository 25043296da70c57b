using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Settings;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Settings;

/// <summary>Importing a configuration file from Settings: a check changes nothing, an import says what it did, a bad file is refused whole.</summary>
public class ConfigImportSectionTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private const string Document = """{"format": "probedashboard-config", "version": 1, "host_groups": [{"name": "imported-edge"}, {"name": "imported-core"}]}""";

    private async Task<IReadOnlyList<string>> GroupNamesAsync() =>
        [.. (await App.Services.GetRequiredService<HostGroupService>().ListAsync(TestActors.Admin, CancellationToken.None)).Select(g => g.Name)];

    [Fact]
    public async Task A_check_counts_without_changing_and_the_import_reports_what_it_changed()
    {
        await SignInAsync(UserRole.Admin, "import-admin");
        var section = Ctx.Render<ConfigImportSection>();

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Document, "config.json"));
        section.WaitForAssertion(() => Assert.False(section.Button("Check").HasAttribute("disabled")));
        section.Press("Check");
        section.WaitForAssertion(() => Assert.Contains("importing would change 2 items", section.Find(".long-action").TextContent));
        Assert.DoesNotContain("imported-edge", await GroupNamesAsync());

        section.Press("Import");
        section.WaitForAssertion(() => Assert.Contains("Configuration imported: 2 items changed.", section.Find(".long-action").TextContent));
        var row = section.FindAll(".import-report tbody tr").Single();
        Assert.Equal(["host_groups", "2", "0", "0"], row.Children.Select(c => c.TextContent.Trim()));
        Assert.Contains("imported-core", await GroupNamesAsync());
    }

    [Fact]
    public async Task A_file_with_a_problem_is_refused_whole_and_its_problems_are_listed()
    {
        await SignInAsync(UserRole.Admin, "import-refused-admin");
        var section = Ctx.Render<ConfigImportSection>();

        var broken = """{"format": "probedashboard-config", "version": 1, "host_groups": [{"name": "never-imported"}], "gadgets": []}""";
        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(broken, "broken.json"));
        section.WaitForAssertion(() => Assert.False(section.Button("Import").HasAttribute("disabled")));
        section.Press("Import");
        section.WaitForAssertion(() => Assert.Contains("Import refused, nothing was changed: 1 problems.", section.Find(".long-action").TextContent));
        Assert.Contains("gadgets", section.Find(".import-problems").TextContent);
        Assert.DoesNotContain("never-imported", await GroupNamesAsync());

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{\"format\": ", "bad.json"));
        section.WaitForAssertion(() => Assert.Contains("The file cannot be read", section.Find(".long-action").TextContent));
        Assert.True(section.Button("Import").HasAttribute("disabled"));
    }
}
