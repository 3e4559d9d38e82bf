using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Hosting;

/// <summary>Starts actors when the host starts (Akka.Hosting's <c>ActorStarter</c>).</summary>
public delegate void ActorStarter(ActorSystem system, IActorRegistry registry);

/// <summary>Starts actors, with DI at hand (Akka.Hosting's <c>ActorStarterWithResolver</c>).</summary>
public delegate void ActorStarterWithResolver(ActorSystem system, IActorRegistry registry, IDependencyResolver resolver);

/// <summary>Starts actors asynchronously; the host waits for the task.</summary>
public delegate Task ActorStarterAsync(ActorSystem system, IActorRegistry registry);

/// <summary>Starts actors asynchronously, with DI at hand; the host waits for the task.</summary>
public delegate Task ActorStarterWithResolverAsync(ActorSystem system, IActorRegistry registry, IDependencyResolver resolver);
