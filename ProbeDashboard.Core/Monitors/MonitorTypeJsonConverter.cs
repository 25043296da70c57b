using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeDashboard.Core.Json;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// A monitor's <c>type</c> as a number (seed 001: 1, 2, 3) or a name (http, tcp, icmp), so an exported document
/// can be posted to the API and an API body imported. Writes the name, as the export does; unknown numbers pass
/// through for the validator to report with the other fields.
/// </summary>
public sealed class MonitorTypeJsonConverter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
        JsonTokenType.String => MonitorKindNames.TryParse(reader.GetString(), out var kind)
            ? (int)kind
            : throw new WireValueException($"must be {MonitorKindNames.Choices}, as a number or a name"),
        // Same wording as the serializer's own type errors, so the API reports it as "has the wrong type".
        _ => throw new JsonException("The JSON value could not be converted to a monitor type."),
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } number && Enum.IsDefined((MonitorKind)number)) writer.WriteStringValue(MonitorKindNames.Of((MonitorKind)number));
        else if (value is { } unknown) writer.WriteNumberValue(unknown);
        else writer.WriteNullValue();
    }
}
