using System.IO.Compression;

namespace ProbeDashboard.Tests.Support;

public static class ContentEncodings
{
    /// <summary>A response body in <paramref name="encoding"/> ("br" or "gzip") back to the bytes it was made from.</summary>
    public static async Task<byte[]> DecompressAsync(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        await using Stream decompressing = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not a compression"),
        };
        using var output = new MemoryStream();
        await decompressing.CopyToAsync(output);
        return output.ToArray();
    }
}
