using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.ApiDocs;

/// <summary>
/// Lists the service channel kinds as the enum of a recipient's <c>kind</c>, and says which settings each kind takes:
/// the wire type is one flat record for all kinds, so the type alone cannot tell a client.
/// </summary>
public sealed class ChannelKindSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ChannelRecipientInput)) return Task.CompletedTask;
        schema.Description = "A recipient on a service with its own API. Settings per kind (* secret, write-only): "
            + string.Join("; ", ChannelCatalog.All.Select(d => $"{d.Name}: {string.Join(", ", d.Fields.Select(Describe))}"))
            + ". name (optional) tells recipients of one kind apart; secrets left out on update are kept for the same kind and name.";
        if (schema.Properties?.TryGetValue("kind", out var kind) == true && kind is OpenApiSchema kindSchema)
            kindSchema.Enum = [.. ChannelCatalog.All.Select(d => (JsonNode)JsonValue.Create(d.Name))];
        return Task.CompletedTask;
    }

    private static string Describe(ChannelField field) => field.Name + (field.Secret ? "*" : "") + (field.Required ? "" : " (optional)");
}
