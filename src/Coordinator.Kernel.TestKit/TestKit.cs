using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;
using Coordinator.Kernel.Event;
using Xunit.Abstractions;

namespace Coordinator.Kernel.TestKit;

/// <summary>Marker: test code's Tell without a sender does not use the TestActor.</summary>
public interface INoImplicitSender
{
}

/// <summary>
/// Base class of actor tests (xunit): owns <see cref="TestKitBase.Sys"/>, makes <see cref="TestKitBase.TestActor"/>
/// the implicit sender of test code, writes log events to the test output, and terminates the system on dispose.
/// </summary>
public class TestKit : TestKitBase, IDisposable
{
    private readonly ITestOutputHelper? _output;
    private bool _disposed;

    /// <summary>Uses <paramref name="system"/>, or a new system named "test" with the default configuration.</summary>
    public TestKit(ActorSystem? system = null, ITestOutputHelper? output = null)
        : base(system ?? ActorSystem.Create("test"), "testActor")
    {
        _output = output;
        Initialize();
    }

    /// <summary>Creates a system from <paramref name="config"/>.</summary>
    public TestKit(Config config, string? actorSystemName = null, ITestOutputHelper? output = null)
        : base(ActorSystem.Create(actorSystemName ?? "test", config), "testActor")
    {
        _output = output;
        Initialize();
    }

    /// <summary>Creates a system from HOCON text.</summary>
    public TestKit(string config, ITestOutputHelper? output = null)
        : this(ConfigurationFactory.ParseString(config), null, output)
    {
    }

    /// <summary>Creates a system driven by the fake clock <paramref name="scheduler"/> (see <see cref="TestKitBase.TestScheduler"/>).</summary>
    public TestKit(TestScheduler scheduler, ITestOutputHelper? output = null, Config? config = null)
        : base(ActorSystem.Create("test", config, scheduler), "testActor")
    {
        _output = output;
        Initialize();
    }

    /// <summary>Filters that expect log events and dead letters.</summary>
    public EventFilterFactory EventFilter => new(this);

    /// <summary>Terminates the system and waits for it (up to the dilated default timeout, 5 s).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the test kit.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (this is not INoImplicitSender)
        {
            ActorCell.SetAmbientSender(null);
        }

        Sys.Terminate().Wait(Dilated(TestKitSettings.DefaultTimeout) + TimeSpan.FromSeconds(5));
    }

    private void Initialize()
    {
        // As Akka.TestKit does: test code telling without a sender uses the TestActor. AsyncLocal, set in the
        // constructor, which xunit runs in the same flow as the test method.
        if (this is not INoImplicitSender)
        {
            ActorCell.SetAmbientSender(TestActor);
        }

        if (_output is not null)
        {
            var output = _output;
            var logger = Sys.CreateFunctionRef("testOutputLogger", (message, _) =>
            {
                try
                {
                    output.WriteLine(message.ToString());
                }
                catch (InvalidOperationException)
                {
                    // The test already finished; xunit refuses late output.
                }
            });
            Sys.EventStream.Subscribe(logger, typeof(LogEvent));
        }
    }
}
