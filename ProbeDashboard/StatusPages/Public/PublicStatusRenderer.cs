using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>
/// Renders <see cref="PublicStatusView"/> to an HTML string outside any circuit. Uncached here: the endpoints keep the
/// finished bytes (<see cref="PublicResponseCache"/>), so a busy page is rendered once per language per read of its data.
/// </summary>
public sealed class PublicStatusRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>The count of pages rendered since start: lets tests see a response come from the cache.</summary>
    private long _rendered;

    public long Rendered => Interlocked.Read(ref _rendered);

    public Task<string> RenderAsync(PublicStatusPage page, string basePath, CultureInfo culture)
    {
        Interlocked.Increment(ref _rendered);
        return RenderAsync<PublicStatusView>(new Dictionary<string, object?>
        {
            [nameof(PublicStatusView.Page)] = page,
            [nameof(PublicStatusView.BasePath)] = basePath,
        }, culture);
    }

    /// <summary>Renders any public component (a whole HTML document) in <paramref name="culture"/>, uncached.</summary>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, CultureInfo culture) where TComponent : IComponent
    {
        // A scope of its own: the renderer resolves scoped services (the components' activity source, the localizer),
        // which the root provider refuses where scopes are validated (Development), answering the page with a 500.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The dispatcher runs on its own context; the localizer reads the culture of the thread it runs on.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
