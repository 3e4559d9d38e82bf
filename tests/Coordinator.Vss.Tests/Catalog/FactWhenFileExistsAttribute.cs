namespace Coordinator.Vss.Tests.Catalog;

/// <summary>A fact skipped (with the reason) when a file it reads is not installed on this machine.</summary>
public sealed class FactWhenFileExistsAttribute : FactAttribute
{
    public FactWhenFileExistsAttribute(string path, string howToInstall)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} is missing; {howToInstall}";
        }
    }
}
