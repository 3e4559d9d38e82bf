namespace Coordinator.Vss.Simulated;

/// <summary>
/// The writers of a typical Windows Server with SQL Server: the in-box writers every server reports, with their real class
/// ids, and a SqlServerWriter with two databases whose files are on D:\. File paths are modelled on what the writers report,
/// not copied from any machine. Instance ids are fixed so tests and logs are reproducible.
/// </summary>
public static class DefaultWriters
{
    public const string SystemWriter = "System Writer";
    public const string RegistryWriter = "Registry Writer";
    public const string ComPlusRegDbWriter = "COM+ REGDB Writer";
    public const string WmiWriter = "WMI Writer";
    public const string AsrWriter = "ASR Writer";
    public const string TaskSchedulerWriter = "Task Scheduler Writer";
    public const string MetadataStoreWriter = "VSS Metadata Store Writer";
    public const string ShadowCopyOptimizationWriter = "Shadow Copy Optimization Writer";
    public const string SqlServerWriter = "SqlServerWriter";

    /// <summary>The SQL Server instance the SqlServerWriter's databases belong to (their logical path).</summary>
    public const string SqlInstance = "SQL01";

    /// <summary>A fresh list of the default writers.</summary>
    public static IReadOnlyList<SimulatedWriter> Create() =>
    [
        Writer("e8132975-6f93-4464-a53e-1050253ae220", "2b4b2a2a-0001-4000-8000-000000000001", SystemWriter, "System Writer",
            VssUsageType.BootableSystemState, VssSourceType.Other,
            [
                Component(VssComponentType.FileGroup, null, "System Files", selectable: false,
                    File(@"C:\Windows\System32", "*.*", recursive: true), File(@"C:\Windows\SysWOW64", "*.*", recursive: true)),
                Component(VssComponentType.FileGroup, null, "Win32 Services Files", selectable: false,
                    File(@"C:\Program Files\Common Files", "*.dll", recursive: true)),
            ]),
        Writer("afbab4a2-367d-4d15-a586-71dbb18f8485", "2b4b2a2a-0002-4000-8000-000000000002", RegistryWriter, "Registry Writer",
            VssUsageType.BootableSystemState, VssSourceType.Other,
            [Component(VssComponentType.FileGroup, null, "Registry", selectable: false, File(@"C:\Windows\System32\config", "*", recursive: false))]),
        Writer("542da469-d3e1-473c-9f4f-7847f01fc64f", "2b4b2a2a-0003-4000-8000-000000000003", ComPlusRegDbWriter, "COM+ REGDB Writer",
            VssUsageType.BootableSystemState, VssSourceType.Other,
            [Component(VssComponentType.FileGroup, null, "COM+ REGDB", selectable: false, File(@"C:\Windows\Registration", "*.clb", recursive: false))]),
        Writer("a6ad56c2-b509-4e6c-bb19-49d8f43532f0", "2b4b2a2a-0004-4000-8000-000000000004", WmiWriter, "WMI Writer",
            VssUsageType.BootableSystemState, VssSourceType.Other,
            [Component(VssComponentType.FileGroup, null, "WMI", selectable: false, File(@"C:\Windows\System32\wbem\Repository", "*.*", recursive: true))]),
        Writer("be000cbe-11fe-4426-9c58-531aa6355fc4", "2b4b2a2a-0005-4000-8000-000000000005", AsrWriter, "ASR Writer",
            VssUsageType.BootableSystemState, VssSourceType.Other,
            [
                Component(VssComponentType.Undefined, "ASR", "BCD", selectable: false, File(@"C:\Boot", "BCD", recursive: false)),
                Component(VssComponentType.Undefined, "ASR\\Disks", "harddisk0", selectable: true),
            ]),
        Writer("d61d61c8-d73a-4eee-8cdd-f6f9786b7124", "2b4b2a2a-0006-4000-8000-000000000006", TaskSchedulerWriter, "Task Scheduler Writer",
            VssUsageType.SystemService, VssSourceType.Other,
            [Component(VssComponentType.FileGroup, null, "TasksStore", selectable: false, File(@"C:\Windows\System32\Tasks", "*", recursive: true))]),
        Writer("75dfb225-e2e4-4d39-9ac9-ffaff65ddf06", "2b4b2a2a-0007-4000-8000-000000000007", MetadataStoreWriter, "VSS Metadata Store Writer",
            VssUsageType.SystemService, VssSourceType.Other,
            [Component(VssComponentType.FileGroup, null, "WriterMetadataStore", selectable: false, File(@"C:\Windows\VSS\Writers", "*.xml", recursive: true))]),
        Writer("4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f", "2b4b2a2a-0008-4000-8000-000000000008", ShadowCopyOptimizationWriter, "Shadow Copy Optimization Writer",
            VssUsageType.Other, VssSourceType.Other,
            [],
            exclude:
            [
                File(@"C:\System Volume Information", "*{3808876B-C176-4e48-B7AE-04046E6CC752}", recursive: false),
                File(@"C:\", "pagefile.sys", recursive: false),
                File(@"C:\", "hiberfil.sys", recursive: false),
            ]),
        Writer("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a", "2b4b2a2a-0009-4000-8000-000000000009", SqlServerWriter, "SQL Server 2022:SQLWriter",
            VssUsageType.UserData, VssSourceType.TransactedDb,
            [
                Database("Sales", @"D:\SQLData", "Sales.mdf", @"D:\SQLLogs", "Sales_log.ldf"),
                Database("Inventory", @"D:\SQLData", "Inventory.mdf", @"D:\SQLLogs", "Inventory_log.ldf"),
            ]),
    ];

    private static SimulatedWriter Writer(string classId, string instanceId, string name, string instanceName, VssUsageType usage,
        VssSourceType source, IReadOnlyList<VssWMComponent> components, IReadOnlyList<VssWMFileDescriptor>? exclude = null) =>
        new(Guid.Parse(classId), Guid.Parse(instanceId), name, instanceName, usage, source, components, exclude ?? []);

    private static VssWMComponent Component(VssComponentType type, string? logicalPath, string name, bool selectable, params VssWMFileDescriptor[] files) =>
        new(type, logicalPath, name, name, selectable, files, [], []);

    private static VssWMComponent Database(string name, string dataPath, string dataFile, string logPath, string logFile) =>
        new(VssComponentType.Database, SqlInstance, name, $"{SqlInstance}\\{name}", IsSelectable: true, [],
            [File(dataPath, dataFile, recursive: false)], [File(logPath, logFile, recursive: false)]);

    private static VssWMFileDescriptor File(string path, string spec, bool recursive) => new(path, spec, recursive);
}
