using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Hosting;

namespace Coordinator.Kernel.Tests.Hosting;

public sealed class ActorRegistrySpec : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("registry-spec");
    private readonly ActorRegistry _registry = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void Duplicate_Register_throws_and_overwrite_replaces()
    {
        var first = _system.ActorOf(Props.Create(() => new EchoActor()), "first");
        var second = _system.ActorOf(Props.Create(() => new EchoActor()), "second");
        _registry.Register<EchoKey>(first);

        var ex = Assert.Throws<DuplicateActorRegistryException>(() => _registry.Register<EchoKey>(second));
        Assert.Contains("EchoKey", ex.Message);
        Assert.Contains(first.Path.ToString(), ex.Message);
        Assert.False(_registry.TryRegister<EchoKey>(second));
        Assert.Same(first, _registry.Get<EchoKey>());

        _registry.Register<EchoKey>(second, overwrite: true);
        Assert.Same(second, _registry.Get<EchoKey>());
    }

    [Fact]
    public void Get_of_a_missing_key_throws_and_TryGet_is_false()
    {
        var ex = Assert.Throws<MissingActorRegistryEntryException>(() => _registry.Get<LateKey>());
        Assert.Contains("LateKey", ex.Message);
        Assert.False(_registry.TryGet<LateKey>(out _));
    }

    [Fact]
    public async Task GetAsync_waits_for_a_late_registration()
    {
        var waiting = _registry.GetAsync<LateKey>();
        var alsoWaiting = _registry.GetAsync<LateKey>();
        Assert.False(waiting.IsCompleted);

        var late = _system.ActorOf(Props.Create(() => new EchoActor()), "late");
        _registry.Register<LateKey>(late);

        Assert.Same(late, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Same(late, await alsoWaiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Same(late, await _registry.GetAsync<LateKey>());
    }

    [Fact]
    public async Task Cancelling_one_waiter_leaves_the_others_waiting()
    {
        using var cts = new CancellationTokenSource();
        var cancelled = _registry.GetAsync<LateKey>(cts.Token);
        var other = _registry.GetAsync<LateKey>();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(other.IsCompleted);
        var late = _system.ActorOf(Props.Create(() => new EchoActor()), "late");
        _registry.Register<LateKey>(late);
        Assert.Same(late, await other.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task RequiredActor_throws_before_registration_and_waits_with_GetAsync()
    {
        var required = new RequiredActor<LateKey>(_registry);
        Assert.Throws<MissingActorRegistryEntryException>(() => required.ActorRef);
        var waiting = required.GetAsync();
        Assert.False(waiting.IsCompleted);

        var late = _system.ActorOf(Props.Create(() => new EchoActor()), "late");
        _registry.Register<LateKey>(late);

        Assert.Same(late, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Same(late, required.ActorRef);
    }

    [Fact]
    public void Registrations_are_enumerable_and_For_gives_one_registry_per_system()
    {
        var echo = _system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        _registry.Register<EchoKey>(echo);
        Assert.Equal([new KeyValuePair<Type, IActorRef>(typeof(EchoKey), echo)], _registry);
        Assert.Same(ActorRegistry.For(_system), ActorRegistry.For(_system));
        Assert.NotSame(_registry, ActorRegistry.For(_system));
    }
}
