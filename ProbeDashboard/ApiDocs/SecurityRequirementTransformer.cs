using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProbeDashboard.Agents;

namespace ProbeDashboard.ApiDocs;

/// <summary>
/// Gives each operation the security it really has, read from the endpoint's own metadata: an agent's token where
/// <see cref="AgentTokenMetadata"/> says so, a bearer token carrying the permissions its policies name unless the
/// endpoint allows anonymous callers, and nothing for the token endpoint. Per operation rather than once for the
/// document, so a client is not told to send a token it cannot have yet.
/// </summary>
/// <remarks>
/// OpenAPI 3.1 lets a non-OAuth requirement list role names; ours are the permission claims (<c>service_monitors:write</c>).
/// An endpoint with no policy at all still needs a signed-in caller: the fallback policy requires one. Requirements
/// are appended, so an endpoint's own transformer may add an alternative its handler checks.
/// </remarks>
public sealed class SecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Security ??= [];
        if (metadata.OfType<AgentTokenMetadata>().Any())
            operation.Security.Add(ApiDocsSetup.Requirement(ApiDocsSetup.AgentTokenScheme, [], context.Document));
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            var permissions = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            operation.Security.Add(ApiDocsSetup.Requirement(ApiDocsSetup.BearerScheme, permissions, context.Document));
        }
        return Task.CompletedTask;
    }
}
