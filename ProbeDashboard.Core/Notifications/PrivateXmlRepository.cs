using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// The Data Protection key ring on disk with every key file readable by the service user only (mode 0600). The keys
/// are stored unencrypted, and the directory's own 0700 mode would not survive a careless copy or backup.
/// </summary>
public sealed class PrivateXmlRepository(DirectoryInfo directory, ILoggerFactory logs) : IXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(directory, logs);

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        if (OperatingSystem.IsWindows()) return;
        foreach (var file in directory.EnumerateFiles("*.xml"))
            File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
