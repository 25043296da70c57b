using System.Text.Json;

namespace ProbeDashboard.Core.Json;

/// <summary>
/// A value of an accepted JSON kind that our converters still refuse (a time that is no time, an unknown monitor
/// type name). Its message is the problem as the caller should read it, reported under the value's field.
/// </summary>
public sealed class WireValueException(string problem) : JsonException(problem);
