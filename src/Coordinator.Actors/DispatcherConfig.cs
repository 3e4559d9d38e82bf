namespace Coordinator.Actors;

/// <summary>
/// The two dispatchers the actors need, as config/akka.hocon defines them, for hosts and tests that run without
/// that file: the session's (one dedicated thread per components object, STA on Windows, so every COM call comes
/// from the thread that created the object) and the snapshot gate's (its turns run on the releasing session's
/// thread). Used as a fallback behind the file, so the file wins where it says something.
/// </summary>
public static class DispatcherConfig
{
    public const string SessionDispatcherId = "akka.actor.vss-session-dispatcher";

    public const string GateDispatcherId = "akka.actor.snapshot-gate-dispatcher";

    public const string Hocon = """
        akka.actor.vss-session-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
          apartment = sta
          throughput = 1
          thread-name-prefix = "vss-session"
          shutdown-timeout = 0s
          stack-size = 256 KiB
        }
        akka.actor.snapshot-gate-dispatcher {
          type = "Coordinator.Actors.Dispatch.InlineDispatcherConfigurator, Coordinator.Actors"
          throughput = 100
        }
        """;
}
