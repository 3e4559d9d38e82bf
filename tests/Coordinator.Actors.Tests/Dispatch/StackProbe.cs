using System.Runtime.CompilerServices;

namespace Coordinator.Actors.Tests.Dispatch;

/// <summary>
/// Measures how deep the current thread's stack goes without overflowing: recurses in 1 KiB frames until the runtime
/// says less than its safety margin is left (128 KiB on 64-bit), then unwinds. Never overflows, so it is safe to
/// run on a thread whose size is under test. The result, in frames, is a lower bound in KiB of stack actually used.
/// </summary>
internal static class StackProbe
{
    public const int FrameBytes = 1024;

    public static int UsableKiB() => Descend(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Descend(int depth)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return depth;
        }
        Span<byte> frame = stackalloc byte[FrameBytes];
        frame[depth % FrameBytes] = 1;
        // Reading the frame after the call keeps it live (and rules out a tail call).
        return Descend(depth + 1) + frame[depth % FrameBytes] - 1;
    }
}
