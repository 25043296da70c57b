using ProbeDashboard.Bench;

if (args.Length > 0 && args[0] == "target")
    return await BenchTarget.RunAsync(int.Parse(args[1]), int.Parse(args[2]));
if (args.Length > 0 && args[0] == "ui")
    return await ProbeDashboard.Bench.Ui.UiBench.RunAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "list-query")
    return await ProbeDashboard.Bench.Ui.ListQueryBench.RunAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "api")
    return await ProbeDashboard.Bench.Api.ApiBench.RunAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "push")
    return await ProbeDashboard.Bench.Push.PushBench.RunAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "status-page")
    return await ProbeDashboard.Bench.StatusPages.StatusPageBench.RunAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "node")
    return await ProbeDashboard.Bench.Cluster.ClusterBenchRun.RunNodeAsync(args.Skip(1));
if (args.Length > 0 && args[0] == "side-by-side")
    return await ProbeDashboard.Bench.SideBySide.SideBySideBench.RunAsync(args.Skip(1));
if (args.Length > 1 && args[0] == "profile-stages")
{
    // Re-reads a kept profile (bench.speedscope.json) with the current stage rules.
    Console.Write(ProbeDashboard.Bench.Profile.BenchProfile.StageTable(args[1], 0));
    return 0;
}
if (args.Length > 0 && args[0] == "egress")
    return await EgressBench.RunAsync(args);

var options = BenchOptions.Parse(args);
var report = await BenchRun.RunAsync(options);
report.Print(options);
return report.Lost == 0 ? 0 : 1;
