using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// The configuration document as YAML, both ways, for people who keep it in git. It maps one-to-one onto the
/// JSON document: strings are always written quoted, so a name like "yes" or "01" reads back as text; unquoted
/// scalars read back as null, booleans or numbers when they look like one.
/// </summary>
public static class ConfigYaml
{
    public static string Write(JsonNode document)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(document)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        // YamlStream ends each document with "...", which adds nothing for a single document.
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    /// <exception cref="FormatException">Not YAML, or not exactly one document.</exception>
    public static JsonNode? Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        if (stream.Documents.Count != 1) throw new FormatException("the file must hold exactly one YAML document");
        return ToJson(stream.Documents[0].RootNode);
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => Plain("null"),
        JsonObject map => new YamlMappingNode(map.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), ToYaml(p.Value)))),
        JsonArray list => new YamlSequenceNode(list.Select(ToYaml)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new YamlScalarNode(value.GetValue<string>()) { Style = ScalarStyle.DoubleQuoted },
            JsonValueKind.True => Plain("true"),
            JsonValueKind.False => Plain("false"),
            _ => Plain(value.ToJsonString()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            new KeyValuePair<string, JsonNode?>(((p.Key as YamlScalarNode)?.Value) ?? throw new FormatException("map keys must be plain text"), ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
