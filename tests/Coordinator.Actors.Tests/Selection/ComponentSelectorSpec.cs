using Coordinator.Actors.Jobs;
using Coordinator.Actors.Selection;
using Coordinator.Vss;

namespace Coordinator.Actors.Tests.Selection;

public sealed class ComponentSelectorSpec
{
    private static readonly Guid SqlClass = Guid.NewGuid();
    private static readonly Guid SqlInstance = Guid.NewGuid();
    private static readonly Guid SystemClass = Guid.NewGuid();
    private static readonly Guid SystemInstance = Guid.NewGuid();

    private static VssWMComponent Component(string? logicalPath, string name, bool selectable, params string[] paths) =>
        new(VssComponentType.FileGroup, logicalPath, name, null, selectable,
            paths.Select(p => new VssWMFileDescriptor(p, "*", true)).ToList(), [], []);

    private static VssWriterMetadata Sql() => new(SqlClass, SqlInstance, "SqlServerWriter", "SQL", VssUsageType.UserData, VssSourceType.TransactedDb,
        [
            Component(null, "SRV", true),
            Component("SRV", "Sales", true, @"D:\Data\Sales"),
            Component("SRV", "Hr", true, @"E:\Data\Hr"),
        ], []);

    private static VssWriterMetadata SystemWriter() => new(SystemClass, SystemInstance, "System Writer", null, VssUsageType.BootableSystemState, VssSourceType.Other,
        [Component(null, "System Files", false, @"C:\Windows\System32")], []);

    [Fact]
    public void Selector_excludes_components_with_files_outside_the_set_and_their_ancestors()
    {
        var selection = ComponentSelector.Select([Sql()], ["D:\\"], WriterFilter.None);

        Assert.Equal(["SRV\\Sales"], selection.Included.Select(c => c.FullPath));
        var hr = Assert.Single(selection.Outcomes, o => o.Path == "SRV\\Hr");
        Assert.False(hr.Selected);
        Assert.Contains("E:\\", hr.Reason);
        var parent = Assert.Single(selection.Outcomes, o => o.Path == "SRV");
        Assert.False(parent.Selected);
        Assert.Contains("SRV\\Hr", parent.Reason);
    }

    [Fact]
    public void Selector_includes_only_the_top_most_component_when_the_whole_tree_is_in_the_set()
    {
        var selection = ComponentSelector.Select([Sql()], ["D:\\", "E:\\"], WriterFilter.None);

        var included = Assert.Single(selection.Included);
        Assert.Equal("SRV", included.FullPath);
        Assert.Equal(SqlInstance, included.InstanceId);
        Assert.All(selection.Outcomes.Where(o => o.Path != "SRV"), o => Assert.Equal("included through its parent", o.Reason));
    }

    [Fact]
    public void Selector_disables_a_writer_whose_required_top_level_component_is_outside_the_set()
    {
        var selection = ComponentSelector.Select([SystemWriter(), Sql()], ["D:\\"], WriterFilter.None);

        Assert.Contains(SystemInstance, selection.DisabledWriterInstances);
        Assert.DoesNotContain(selection.Included, c => c.WriterName == "System Writer");
    }

    [Theory]
    [InlineData("sqlserverwriter")]
    [InlineData("class")]
    [InlineData("instance")]
    public void Selector_excludes_a_writer_by_name_class_id_or_instance_id(string how)
    {
        var entry = how switch { "class" => SqlClass.ToString(), "instance" => "{" + SqlInstance + "}", _ => how };

        var selection = ComponentSelector.Select([SystemWriter(), Sql()], ["C:\\", "D:\\", "E:\\"], new WriterFilter([], [entry]));

        Assert.Contains(SqlInstance, selection.DisabledWriterInstances);
        Assert.All(selection.Included, c => Assert.Equal("System Writer", c.WriterName));
    }

    [Fact]
    public void Selector_with_an_include_list_leaves_other_writers_out()
    {
        var selection = ComponentSelector.Select([SystemWriter(), Sql()], ["C:\\", "D:\\", "E:\\"], new WriterFilter(["SqlServerWriter"], []));

        Assert.Equal([SystemInstance], selection.DisabledWriterInstances);
        Assert.All(selection.Included, c => Assert.Equal("SqlServerWriter", c.WriterName));
    }

    [Fact]
    public void Selector_fails_when_an_included_writer_ends_up_with_nothing_selected()
    {
        var ex = Assert.Throws<JobValidationException>(() =>
            ComponentSelector.Select([SystemWriter(), Sql()], ["D:\\"], new WriterFilter(["System Writer"], [])));

        Assert.Contains("System Writer", ex.Message);
        Assert.Equal(JobField.IncludeWriters, ex.Field);
    }

    [Fact]
    public void Selector_rejects_a_filter_entry_that_matches_no_writer_and_lists_the_known_ones()
    {
        var ex = Assert.Throws<JobValidationException>(() =>
            ComponentSelector.Select([SystemWriter(), Sql()], ["C:\\"], new WriterFilter([], ["Exchange Writer"])));

        Assert.Contains("'Exchange Writer' matches no writer", ex.Message);
        Assert.Contains("SqlServerWriter", ex.Message);
    }
}
