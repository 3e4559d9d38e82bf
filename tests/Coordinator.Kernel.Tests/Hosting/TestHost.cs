using Coordinator.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Tests.Hosting;

/// <summary>Builds a bare host (no appsettings, no environment) with AddAkka and a recording logger.</summary>
internal static class TestHost
{
    public static IHost Build(
        Action<AkkaConfigurationBuilder, IServiceProvider> configure,
        TestLoggerProvider logs,
        Action<IServiceCollection>? services = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddAkka("hosting-spec", configure);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Completes when <paramref name="token"/> is cancelled.</summary>
    public static Task WhenCancelled(CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
