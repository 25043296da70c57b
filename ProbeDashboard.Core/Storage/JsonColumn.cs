using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Storage;

/// <summary>Stores a small options object as one JSON text column, compared by value for change tracking.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="comparer">A cheaper comparer than the JSON one below, for types that have one.</param>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, ValueComparer<T>? comparer = null) where T : class, new()
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options) ?? new T(),
            comparer ?? JsonComparer<T>.Instance);
        return property;
    }

    /// <summary>One comparer per type, so its delegates are compiled once, not once per property or model.</summary>
    private static class JsonComparer<T> where T : class
    {
        public static readonly ValueComparer<T> Instance = new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
    }
}
