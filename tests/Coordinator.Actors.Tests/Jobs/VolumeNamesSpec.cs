using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Tests.Jobs;

public sealed class VolumeNamesSpec
{
    [Theory]
    [InlineData("c:", "C:\\")]
    [InlineData("c:\\", "C:\\")]
    [InlineData(" d:/ ", "D:\\")]
    [InlineData(@"\\?\Volume{6f1c2f4e-0000-0000-0000-100000000000}", @"\\?\Volume{6f1c2f4e-0000-0000-0000-100000000000}\")]
    [InlineData(@"C:\Mount\Data", @"C:\Mount\Data\")]
    public void Normalize_gives_the_form_AddToSnapshotSet_expects(string given, string expected)
    {
        Assert.Equal(expected, VolumeNames.Normalize(given));
    }

    [Fact]
    public void NormalizeSet_rejects_a_volume_given_twice_and_names_both_spellings()
    {
        var ex = Assert.Throws<JobValidationException>(() => VolumeNames.NormalizeSet(["C:\\", "D:", "c:"]));

        Assert.Contains("'c:'", ex.Message);
        Assert.Contains("'C:\\'", ex.Message);
    }

    [Fact]
    public void NormalizeSet_rejects_an_empty_set()
    {
        Assert.Throws<JobValidationException>(() => VolumeNames.NormalizeSet([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C:x")]
    public void Normalize_rejects_what_is_not_a_volume(string given)
    {
        Assert.Throws<JobValidationException>(() => VolumeNames.Normalize(given));
    }
}
