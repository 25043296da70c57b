using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Notifications;

/// <summary>
/// Says in the OpenAPI document what a webhook's body template, content type and headers do, and which headers are
/// refused: the wire types are plain records, so their schemas alone cannot tell a client.
/// </summary>
public sealed class WebhookSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(WebhookInput))
        {
            schema.Description = "A webhook. secret: HMAC key of the X-ProbeDashboard-Signature header (write-only; left out on update: kept for the same url, \"\": removed).";
            Describe(schema, "body_template", "Liquid template of the body (fields under event, e.g. {{ event.title }}; message.title and message.body; values escaped "
                + $"for the content type, | raw writes one as is). Left out or empty: the standard JSON payload. At most {Core.Notifications.Templates.MessageTemplate.MaxLength} characters.");
            Describe(schema, "content_type", $"Media type of the body; left out or empty: {WebhookBody.DefaultContentType}. A rendered body that is not JSON is sent as rendered.");
            Describe(schema, "headers", $"At most {WebhookHeaders.MaxHeaders} extra headers; refused: {string.Join(", ", WebhookHeaders.Refused.Order())}.");
        }
        else if (type == typeof(WebhookHeaderInput))
        {
            Describe(schema, "secret", "The value is write-only and stored encrypted; left out on update, the value stored for the same url and name is kept.");
        }
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target) target.Description = description;
    }
}
