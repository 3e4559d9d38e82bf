using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// A read view of a configuration section for the standard binder, typed by the object being bound, so HOCON
/// binds without attributes: a property <c>MinBackoff</c> finds the key <c>min-backoff</c> (hyphens and case are
/// ignored when the exact key is absent), and a value bound to <see cref="TimeSpan"/> may be a HOCON duration
/// (<c>30s</c>, <c>5 minutes</c>, <c>infinite</c>; a bare number is milliseconds, as in HOCON). Dictionary keys
/// and all other values pass through unchanged.
/// </summary>
internal sealed class HoconBindingSection : IConfigurationSection
{
    private readonly IConfiguration _inner;
    private readonly Type? _target;

    public HoconBindingSection(IConfiguration inner, Type? target)
    {
        _inner = inner;
        _target = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
    }

    public string Key => (_inner as IConfigurationSection)?.Key ?? string.Empty;

    public string Path => (_inner as IConfigurationSection)?.Path ?? string.Empty;

    public string? Value
    {
        get => Convert((_inner as IConfigurationSection)?.Value);
        set => throw new NotSupportedException("The HOCON binding view is read-only.");
    }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => throw new NotSupportedException("The HOCON binding view is read-only.");
    }

    public IEnumerable<IConfigurationSection> GetChildren() =>
        _inner.GetChildren().Select(child => new HoconBindingSection(child, ChildType(child.Key)));

    public IChangeToken GetReloadToken() => _inner.GetReloadToken();

    public IConfigurationSection GetSection(string key)
    {
        var separator = key.IndexOf(':');
        if (separator >= 0)
        {
            return GetSection(key[..separator]).GetSection(key[(separator + 1)..]);
        }

        var exact = _inner.GetSection(key);
        if (exact.Value is null && !exact.GetChildren().Any())
        {
            var wanted = Simplify(key);
            var loose = _inner.GetChildren().FirstOrDefault(c => Simplify(c.Key) == wanted);
            if (loose is not null)
            {
                return new HoconBindingSection(loose, ChildType(key));
            }
        }

        return new HoconBindingSection(exact, ChildType(key));
    }

    private static string Simplify(string key) => key.Replace("-", string.Empty).Replace("_", string.Empty).ToUpperInvariant();

    private string? Convert(string? value)
    {
        if (value is null || _target != typeof(TimeSpan))
        {
            return value;
        }

        // Leave .NET's own "00:00:30" form to TimeSpan's converter; translate only what is HOCON.
        return value.Contains(':') || !HoconDuration.TryParse(value, allowInfinite: true, out var duration, out _)
            ? value
            : duration.ToString("c", CultureInfo.InvariantCulture);
    }

    /// <summary>The type bound from the child <paramref name="key"/>, when it can be told from the target type.</summary>
    private Type? ChildType(string key)
    {
        if (_target is null || _target == typeof(string) || _target.IsPrimitive)
        {
            return null;
        }

        if (_target.IsArray)
        {
            return _target.GetElementType();
        }

        var dictionary = FindGeneric(_target, typeof(IDictionary<,>)) ?? FindGeneric(_target, typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        var enumerable = FindGeneric(_target, typeof(IEnumerable<>));
        if (enumerable is not null)
        {
            return enumerable.GetGenericArguments()[0];
        }

        var wanted = Simplify(key);
        for (var type = _target; type is not null; type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
                if (Simplify(name) == wanted)
                {
                    return property.PropertyType;
                }
            }
        }

        return null;
    }

    private static Type? FindGeneric(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type;
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
    }
}
