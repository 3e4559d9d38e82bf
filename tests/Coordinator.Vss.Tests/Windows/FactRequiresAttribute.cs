using System.Reflection;

namespace Coordinator.Vss.Tests.Windows;

/// <summary>
/// A [Fact] that is skipped, with a reason, when a static bool property is false. xunit 2.9 has no
/// dynamic skip, so the condition is evaluated when the attribute is constructed (at discovery). The
/// reason is read from a static string property named <c>{condition}Reason</c> when there is one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactRequiresAttribute : FactAttribute
{
    public FactRequiresAttribute(Type conditionType, string condition)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var property = conditionType.GetProperty(condition, flags)
            ?? throw new ArgumentException($"{conditionType.Name}.{condition} is not a static property.", nameof(condition));
        if (property.GetValue(null) is true)
        {
            return;
        }
        var reason = conditionType.GetProperty(condition + "Reason", flags)?.GetValue(null) as string;
        Skip = reason ?? $"{conditionType.Name}.{condition} is false";
    }
}
