using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticFiles;

namespace ProbeDashboard.Ui.Assets;

/// <summary>
/// The UI's static files, served from inside the binary: our own assets (<c>/assets/...</c>), MudBlazor's
/// (<c>/_content/MudBlazor/...</c>), apexcharts (<c>/assets/vendor/...</c>) and Blazor's <c>/_framework/blazor.web.js</c>, embedded by the project file
/// under <see cref="ResourcePrefix"/>. Nothing is read from disk, so the published executable works alone in any
/// directory.
/// </summary>
public sealed class EmbeddedAssets
{
    /// <summary>Resource names under this prefix are URL paths; the project file sets them.</summary>
    public const string ResourcePrefix = "wwwroot/";

    private readonly FrozenDictionary<string, EmbeddedAsset> _byPath;

    private EmbeddedAssets(Dictionary<string, EmbeddedAsset> byPath) =>
        _byPath = byPath.ToFrozenDictionary(StringComparer.Ordinal);

    public static EmbeddedAssets Load()
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, EmbeddedAsset>();
        var own = typeof(EmbeddedAssets).Assembly;
        foreach (var name in own.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = "/" + name[ResourcePrefix.Length..];
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            assets[path] = new EmbeddedAsset(own, name, contentType);
        }
        return new EmbeddedAssets(assets);
    }

    public IEnumerable<string> Paths => _byPath.Keys;

    public EmbeddedAsset? Find(PathString path) =>
        path.Value is { } value && _byPath.TryGetValue(value, out var asset) ? asset : null;

    /// <summary>
    /// The URL a page links <paramref name="path"/> (relative to the base, as in the markup) by: with its content's
    /// version, which the middleware serves as immutable, so pages after the first take it from the browser's cache
    /// without a round trip. A path that is not embedded comes back as it is.
    /// </summary>
    public string Url(string path) => Find("/" + path) is { } asset ? $"{path}?v={asset.Version}" : path;
}
