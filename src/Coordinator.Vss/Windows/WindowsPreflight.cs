using System.Runtime.Versioning;
using System.Security.Principal;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>
/// Checks, before any job starts, what would otherwise surface later as E_ACCESSDENIED or a failed
/// creation: a 32-bit process on 64-bit Windows, no Administrators/Backup Operators membership, and no
/// SeBackupPrivilege in the token. Each problem is one sentence: what, and what to do.
/// </summary>
[SupportedOSPlatform("windows")]
public static class WindowsPreflight
{
    private const uint TOKEN_QUERY = 0x0008;
    private const int TokenPrivileges = 3;

    public static IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        CheckBitness(problems);
        CheckMembership(problems);
        CheckBackupPrivilege(problems);
        return problems;
    }

    private static unsafe void CheckBitness(List<string> problems)
    {
        int wow64;
        if (NativeMethods.IsWow64Process(NativeMethods.GetCurrentProcess(), &wow64) == 0)
        {
            problems.Add($"Could not tell whether this is a 32-bit process on 64-bit Windows (IsWow64Process failed, error {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
        else if (wow64 != 0 || !Environment.Is64BitProcess)
        {
            problems.Add("This is a 32-bit process" + (wow64 != 0 ? " on 64-bit Windows (WOW64)" : string.Empty) +
                ": VSS needs a requester of the operating system's bitness. Run the win-x64 build.");
        }
    }

    private static void CheckMembership(List<string> problems)
    {
        using var identity = WindowsIdentity.GetCurrent();
        var principal = new WindowsPrincipal(identity);
        // IsInRole sees the filtered UAC token, so a non-elevated administrator is reported here, as it should be.
        if (!principal.IsInRole(WindowsBuiltInRole.Administrator) && !principal.IsInRole(WindowsBuiltInRole.BackupOperator))
        {
            problems.Add($"The process runs as '{identity.Name}' without Administrators or Backup Operators rights: creating a VSS requester will fail with E_ACCESSDENIED. Run elevated, as LocalSystem, or as a Backup Operator.");
        }
    }

    private static unsafe void CheckBackupPrivilege(List<string> problems)
    {
        nint token = 0;
        if (NativeMethods.OpenProcessToken(NativeMethods.GetCurrentProcess(), TOKEN_QUERY, &token) == 0)
        {
            problems.Add($"Could not open the process token to look for SeBackupPrivilege (error {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
            return;
        }
        try
        {
            NativeMethods.Luid backup;
            fixed (char* name = "SeBackupPrivilege")
            {
                if (NativeMethods.LookupPrivilegeValueW(null, name, &backup) == 0)
                {
                    problems.Add($"Could not look up SeBackupPrivilege (error {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
                    return;
                }
            }
            if (!TokenHasPrivilege(token, backup, problems))
            {
                problems.Add("The process token has no SeBackupPrivilege: writers and the backup cannot read locked files. Run as an administrator (elevated) or as a Backup Operator.");
            }
        }
        finally
        {
            NativeMethods.CloseHandle(token);
        }
    }

    private static unsafe bool TokenHasPrivilege(nint token, NativeMethods.Luid wanted, List<string> problems)
    {
        uint size = 0;
        NativeMethods.GetTokenInformation(token, TokenPrivileges, null, 0, &size);
        if (size == 0)
        {
            problems.Add($"Could not read the token's privileges (error {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
            return true;
        }
        var buffer = new byte[size];
        fixed (byte* bytes = buffer)
        {
            if (NativeMethods.GetTokenInformation(token, TokenPrivileges, bytes, size, &size) == 0)
            {
                problems.Add($"Could not read the token's privileges (error {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
                return true;
            }
            // TOKEN_PRIVILEGES: DWORD PrivilegeCount, then LUID_AND_ATTRIBUTES[] (4-byte aligned).
            var count = *(uint*)bytes;
            var entries = (NativeMethods.LuidAndAttributes*)(bytes + sizeof(uint));
            for (var i = 0; i < count; i++)
            {
                if (entries[i].Luid.LowPart == wanted.LowPart && entries[i].Luid.HighPart == wanted.HighPart)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
