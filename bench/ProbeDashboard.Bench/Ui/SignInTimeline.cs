using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// Where one sign-in's time goes: milliseconds from the click on "Sign in" to each stage a browser passes on its way
/// to a usable monitors page, taken when Playwright reports each event to the bench (a few milliseconds late at most;
/// Chromium's own request start times did not share the bench's wall clock). A stage that did not happen is absent.
/// </summary>
public sealed class SignInTimeline
{
    private readonly ConcurrentDictionary<string, double> _stages = new();
    private readonly Stopwatch _sinceClick = new();
    private int _framesIn;

    /// <summary>Stage names in the order a sign-in passes them, for the report.</summary>
    public static readonly string[] Order =
    [
        "login POST answered (redirect)",
        "GET /monitors: first byte",
        "GET /monitors: last byte",
        "page DOMContentLoaded",
        "MudBlazor.min.js loaded",
        "app.js loaded",
        "blazor.web.js loaded",
        "negotiate answered",
        "WebSocket opened",
        "first circuit message in",
        "page load event",
        "circuit interactive (data-interactive=true)",
        "20 rows with heartbeat bars",
        "circuit messages in, until usable",
        "requests, until usable",
    ];

    private int _requests;

    public static SignInTimeline Watch(IPage page)
    {
        var timeline = new SignInTimeline();
        page.RequestFinished += (_, request) => timeline.Finished(request);
        page.Response += (_, response) => timeline.Answered(response);
        page.DOMContentLoaded += (_, _) => timeline.Mark("page DOMContentLoaded");
        page.Load += (_, _) => timeline.Mark("page load event");
        page.WebSocket += (_, socket) =>
        {
            timeline.Mark("WebSocket opened");
            socket.FrameReceived += (_, _) =>
            {
                if (Interlocked.Increment(ref timeline._framesIn) == 1) timeline.Mark("first circuit message in");
            };
        };
        return timeline;
    }

    public void Clicked()
    {
        _sinceClick.Start();
    }

    public void Mark(string stage)
    {
        if (_sinceClick.IsRunning) _stages.TryAdd(stage, _sinceClick.Elapsed.TotalMilliseconds);
    }

    /// <summary>Stops the clock: the page is usable. Returns every stage reached, in milliseconds after the click.</summary>
    public IReadOnlyDictionary<string, double> Usable()
    {
        Mark("20 rows with heartbeat bars");
        _stages["circuit messages in, until usable"] = Volatile.Read(ref _framesIn);
        _stages["requests, until usable"] = Volatile.Read(ref _requests);
        _sinceClick.Stop();
        return new Dictionary<string, double>(_stages);
    }

    private void Answered(IResponse response)
    {
        if (response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.Ordinal))
            Mark("login POST answered (redirect)");
        else if (response.Request.Method == "GET" && new Uri(response.Url).AbsolutePath == "/monitors")
            Mark("GET /monitors: first byte");
    }

    private void Finished(IRequest request)
    {
        if (!_sinceClick.IsRunning) return;
        Interlocked.Increment(ref _requests);
        var path = new Uri(request.Url).AbsolutePath;
        var stage = path switch
        {
            "/monitors" when request.Method == "GET" => "GET /monitors: last byte",
            "/_content/MudBlazor/MudBlazor.min.js" => "MudBlazor.min.js loaded",
            "/assets/js/app.js" => "app.js loaded",
            "/_framework/blazor.web.js" => "blazor.web.js loaded",
            "/_blazor/negotiate" => "negotiate answered",
            _ => OtherRequest + path,
        };
        Mark(stage);
    }

    /// <summary>Prefix of the stage "the first request for this path finished", for the requests not named in <see cref="Order"/>.</summary>
    private const string OtherRequest = "other request done: ";

    /// <summary>
    /// Median of each stage over the sign-ins that reached it, in the order a sign-in passes them; then the other
    /// requests, by median.
    /// </summary>
    public static IEnumerable<string> Report(IReadOnlyList<IReadOnlyDictionary<string, double>> signIns)
    {
        var others = signIns.SelectMany(s => s.Keys).Where(k => k.StartsWith(OtherRequest, StringComparison.Ordinal)).Distinct()
            .OrderBy(k => NamedNumbers.Median(signIns.Where(s => s.ContainsKey(k)).Select(s => s[k])));
        foreach (var stage in Order.Concat(others))
        {
            var values = signIns.Where(s => s.ContainsKey(stage)).Select(s => s[stage]).Order().ToList();
            if (values.Count == 0) continue;
            yield return $"  {stage,-45} median {NamedNumbers.Median(values),7:F0}, p95 {NamedNumbers.Quantile(values, 0.95),7:F0} (n={values.Count})";
        }
    }
}
