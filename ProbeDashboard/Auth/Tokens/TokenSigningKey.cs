using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>
/// The HMAC key API tokens are signed with: <c>Auth:JwtSigningKey</c> when configured, otherwise a random key
/// generated once and kept in the data directory (readable by the service user only) so tokens survive restarts.
/// </summary>
public sealed class TokenSigningKey(IOptions<AuthOptions> auth, IOptions<StorageOptions> storage)
{
    public const string FileName = "jwt-signing-key";
    /// <summary>256 bits, the HMAC-SHA256 block of security.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(auth.Value, storage.Value));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthOptions auth, StorageOptions storage)
    {
        if (!string.IsNullOrEmpty(auth.JwtSigningKey))
        {
            // Its length is checked when the options are validated at start-up.
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.JwtSigningKey));
        }

        var file = Path.Combine(Path.GetDirectoryName(storage.DatabasePath)!, FileName);
        if (File.Exists(file))
            return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));

        var generated = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Created with mode 0600 from the start, so the key is never readable by others, not even briefly.
        using (var stream = new FileStream(file, new FileStreamOptions
               {
                   Mode = FileMode.CreateNew,
                   Access = FileAccess.Write,
                   UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(Convert.ToBase64String(generated));
        return new SymmetricSecurityKey(generated);
    }
}
