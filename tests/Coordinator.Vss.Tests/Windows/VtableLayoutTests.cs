using System.Reflection;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Tests.Windows;

/// <summary>
/// Every vtable slot the Windows provider calls must be the slot the MinGW header declares: a wrong slot
/// compiles and runs, and calls a different method on Windows.
/// </summary>
public sealed class VtableLayoutTests
{
    public static TheoryData<string> SlotClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in SlotTypes())
        {
            data.Add(type.Name);
        }
        return data;
    }

    [FactRequires(typeof(MingwHeaders), nameof(MingwHeaders.Present))]
    public void Every_declared_slot_matches_the_header()
    {
        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var type in SlotTypes())
        {
            var vtable = type.GetCustomAttribute<VssVtableAttribute>()!;
            var header = MingwHeaders.Slots(vtable.Header, vtable.InterfaceName);
            foreach (var (method, slot) in DeclaredSlots(type))
            {
                checkedCount++;
                if (!header.TryGetValue(method, out var expected))
                {
                    mismatches.Add($"{vtable.InterfaceName}.{method}: not in {vtable.Header}");
                }
                else if (expected != slot)
                {
                    mismatches.Add($"{vtable.InterfaceName}.{method}: ours {slot}, {vtable.Header} {expected}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(checkedCount > 50, $"only {checkedCount} slots checked: the slot classes were not found");
    }

    [FactRequires(typeof(MingwHeaders), nameof(MingwHeaders.Present))]
    public void The_header_parser_finds_known_slots()
    {
        // Guards the parser itself with slots read off vtable-slots.tsv (offsetof by x86_64-w64-mingw32-gcc).
        var components = MingwHeaders.Slots("vsbackup.h", "IVssBackupComponents");
        Assert.Equal(51, components.Count);
        Assert.Equal(9, components["GatherWriterMetadata"]);
        Assert.Equal(50, components["QueryRevertStatus"]);
        Assert.Equal(5, MingwHeaders.Slots("vss.h", "IVssAsync")["QueryStatus"]);
        Assert.Equal(7, MingwHeaders.Slots("vswriter.h", "IVssWMFiledesc")["GetBackupTypeMask"]);
    }

    [Theory]
    [MemberData(nameof(SlotClasses))]
    public void Every_slot_class_names_an_interface_and_starts_with_IUnknown(string className)
    {
        var type = SlotTypes().Single(t => t.Name == className);
        var slots = DeclaredSlots(type).ToDictionary(s => s.Method, s => s.Slot);
        Assert.Equal(0, slots["QueryInterface"]);
        Assert.Equal(1, slots["AddRef"]);
        Assert.Equal(2, slots["Release"]);
        Assert.Equal(slots.Count, slots.Values.Distinct().Count());
    }

    private static IEnumerable<Type> SlotTypes() =>
        typeof(IVssFactory).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<VssVtableAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<(string Method, int Slot)> DeclaredSlots(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!));
}
