namespace Coordinator.Actors.Session;

/// <summary>
/// The dispatcher every SessionActor needs, as in config/akka.hocon: pinned (one thread per components object, so
/// every COM call comes from the thread that created it), STA as the design asks, one message per turn. For hosts
/// and tests that run without the config file.
/// </summary>
public static class SessionDispatcherConfig
{
    public const string Hocon = """
        akka.actor.vss-session-dispatcher {
          type = PinnedDispatcher
          apartment = sta
          throughput = 1
          thread-name-prefix = "vss-session"
          shutdown-timeout = 0s
          stack-size = 256 KiB
        }
        """;
}
