using Microsoft.Extensions.Configuration;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>appsettings.sample.json documents every setting with its default; this keeps the probing part honest.</summary>
public class SampleSettingsTests
{
    [Fact]
    public void The_sample_settings_parse_and_show_the_real_defaults_of_probing_results_and_retention()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath()).Build();

        var probing = configuration.GetSection(ProbingOptions.Section).Get<ProbingOptions>()!;
        var defaults = new ProbingOptions();
        Assert.Equal(
            (defaults.MinIntervalSeconds, defaults.SchedulerEnabled, defaults.MaxConcurrentProbes, defaults.ReconcileSeconds),
            (probing.MinIntervalSeconds, probing.SchedulerEnabled, probing.MaxConcurrentProbes, probing.ReconcileSeconds));
        Assert.True(string.IsNullOrEmpty(probing.TrustedCaFile), "no private CA is trusted by default");

        var writer = configuration.GetSection(ResultWriterOptions.Section).Get<ResultWriterOptions>()!;
        var writerDefaults = new ResultWriterOptions();
        Assert.Equal((writerDefaults.QueueCapacity, writerDefaults.MaxBatchSize, writerDefaults.BatchLingerMs), (writer.QueueCapacity, writer.MaxBatchSize, writer.BatchLingerMs));

        var retention = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>()!;
        Assert.Equal((new RetentionOptions().RawDays, new RetentionOptions().RollupDays), (retention.RawDays, retention.RollupDays));
    }

    [Fact]
    public void The_sample_egress_settings_are_the_defaults_and_form_a_valid_policy()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath()).Build();

        var egress = configuration.GetSection(EgressOptions.Section).Get<EgressOptions>()!;

        Assert.All(new[] { egress.Probes, egress.Webhooks }, rules =>
        {
            Assert.Equal(EgressProfile.Default, rules.Profile);
            Assert.Empty(rules.Allow);
            Assert.Empty(rules.Deny);
            Assert.False(new EgressPolicy(rules).Permits(System.Net.IPAddress.Parse("169.254.169.254")));
        });
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.sample.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("appsettings.sample.json not found above the test output");
    }
}
