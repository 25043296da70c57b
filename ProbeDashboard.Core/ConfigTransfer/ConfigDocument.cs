using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>Reads an import document, JSON or YAML, for the HTTP import and the CLI alike.</summary>
public static class ConfigDocument
{
    /// <exception cref="FormatException">Not valid JSON/YAML, or a key given twice in one object; the message is for the user.</exception>
    public static JsonNode? Parse(string text, bool yaml)
    {
        try
        {
            var document = yaml ? ConfigYaml.Read(text) : JsonNode.Parse(text);
            RejectDuplicateKeys(document);
            return document;
        }
        catch (JsonException)
        {
            throw new FormatException("not valid JSON");
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses a second value for a key only when it is first read, hence the walk below.
            throw new FormatException($"a key is given twice in one object ({e.Message})");
        }
    }

    private static void RejectDuplicateKeys(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (_, value) in map) RejectDuplicateKeys(value);
                break;
            case JsonArray list:
                foreach (var item in list) RejectDuplicateKeys(item);
                break;
        }
    }
}
