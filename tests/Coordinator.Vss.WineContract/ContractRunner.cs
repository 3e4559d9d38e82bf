using System.Reflection;
using Xunit.Sdk;

namespace Coordinator.Vss.WineContract;

/// <summary>
/// The smallest xunit-compatible runner the contract needs: a new instance per test case (as xunit does),
/// [Fact] and [Theory] with data attributes, Skip honoured, everything on the calling thread so COM
/// thread affinity holds. No parallelism, no fixtures: the contract uses neither.
/// </summary>
internal static class ContractRunner
{
    public static int Run(Assembly assembly)
    {
        var classes = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && TestMethods(t).Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (classes.Count == 0)
        {
            // The suite is always compiled in, so an empty run means the build lost it: fail rather than pass vacuously.
            Console.WriteLine("FAIL: no contract test class found in this assembly");
            Console.WriteLine("contract: 0 passed, 1 failed, 0 skipped");
            return 1;
        }

        int passed = 0, failed = 0, skipped = 0;
        foreach (var type in classes)
        {
            if (type.Name.Contains("PersistentSnapshot", StringComparison.Ordinal) &&
                Environment.GetEnvironmentVariable("COORDINATOR_VSS_PERSISTENT") == "0")
            {
                var count = TestMethods(type).Count();
                Console.WriteLine($"SKIP {type.Name} ({count} tests): COORDINATOR_VSS_PERSISTENT=0 says this machine has no persistent snapshots (client Windows)");
                skipped += count;
                continue;
            }
            foreach (var method in TestMethods(type))
            {
                var fact = method.GetCustomAttribute<FactAttribute>()!;
                foreach (var (name, arguments) in Cases(type, method))
                {
                    if (fact.Skip is not null)
                    {
                        Console.WriteLine($"SKIP {name}: {fact.Skip}");
                        skipped++;
                        continue;
                    }
                    var error = Invoke(type, method, arguments);
                    if (error is null)
                    {
                        Console.WriteLine($"PASS {name}");
                        passed++;
                    }
                    else
                    {
                        Console.WriteLine($"FAIL {name}: {error.GetType().Name}: {error.Message.ReplaceLineEndings(" | ")}");
                        failed++;
                    }
                }
            }
        }
        Console.WriteLine($"contract: {passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<MethodInfo> TestMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private static IEnumerable<(string Name, object?[] Arguments)> Cases(Type type, MethodInfo method)
    {
        var name = $"{type.Name}.{method.Name}";
        if (method.GetCustomAttribute<TheoryAttribute>() is null)
        {
            yield return (name, []);
            yield break;
        }
        foreach (var data in method.GetCustomAttributes<DataAttribute>())
        {
            // MemberData names members of the declaring type (here: the abstract contract); GetData resolves them.
            foreach (var row in data.GetData(method))
            {
                yield return ($"{name}({string.Join(", ", row)})", row);
            }
        }
    }

    private static Exception? Invoke(Type type, MethodInfo method, object?[] arguments)
    {
        object? instance = null;
        try
        {
            instance = Activator.CreateInstance(type);
            method.Invoke(instance, arguments.Length == 0 ? null : arguments);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return e.InnerException;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
