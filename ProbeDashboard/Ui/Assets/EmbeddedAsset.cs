using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;

namespace ProbeDashboard.Ui.Assets;

/// <summary>
/// One static file carried inside an assembly. Its ETag and compressed forms are computed on first request and
/// kept: the files never change while the process runs, and only what browsers ask for costs memory.
/// </summary>
public sealed class EmbeddedAsset
{
    private readonly Assembly _assembly;
    private readonly string _resourceName;
    private readonly Lazy<byte[]> _content;
    private readonly Lazy<byte[]> _brotli;
    private readonly Lazy<byte[]> _gzip;
    private readonly Lazy<byte[]> _hash;

    public EmbeddedAsset(Assembly assembly, string resourceName, string contentType)
    {
        _assembly = assembly;
        _resourceName = resourceName;
        ContentType = contentType;
        _content = new Lazy<byte[]>(Read);
        _brotli = new Lazy<byte[]>(() => Compress(stream => new BrotliStream(stream, CompressionLevel.Optimal)));
        _gzip = new Lazy<byte[]>(() => Compress(stream => new GZipStream(stream, CompressionLevel.Optimal)));
        _hash = new Lazy<byte[]>(() => SHA256.HashData(Content));
    }

    public string ContentType { get; }

    /// <summary>A strong validator from the content, so it is the same for every process serving the same build.</summary>
    public string ETag => field ??= "\"" + Convert.ToBase64String(_hash.Value[..16]) + "\"";

    /// <summary>
    /// What the page puts in the asset's URL (<c>?v=</c>): the content's, so a new build's file has a new URL and a
    /// browser may keep the old one for good without asking again.
    /// </summary>
    public string Version => field ??= Convert.ToHexStringLower(_hash.Value[..6]);

    /// <summary>Text formats shrink several times; sounds and images are compressed already or gain little.</summary>
    public bool IsCompressible => ContentType.StartsWith("text/", StringComparison.Ordinal)
                                  || ContentType is "application/javascript" or "application/json" or "image/svg+xml";

    public byte[] Content => _content.Value;

    public byte[] Brotli => _brotli.Value;

    public byte[] Gzip => _gzip.Value;

    private byte[] Read()
    {
        using var stream = _assembly.GetManifestResourceStream(_resourceName)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private byte[] Compress(Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output)) compressing.Write(Content);
        return output.ToArray();
    }
}
