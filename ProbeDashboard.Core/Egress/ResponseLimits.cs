namespace ProbeDashboard.Core.Egress;

/// <summary>How much of a response from an address users typed in is ever held in memory.</summary>
public static class ResponseLimits
{
    /// <summary>Largest response header block accepted, in KiB (SocketsHttpHandler's unit); more fails the request.</summary>
    public const int MaxHeadersKib = 64;

    /// <summary>Largest part of a (decompressed) body read or buffered; the rest is never read.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
}
