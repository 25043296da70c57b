using QRCoder;

namespace ProbeDashboard.Auth.TwoFactor;

/// <summary>QR codes of otpauth links, drawn on the server so the setup page needs no script.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
