using System.Reflection;
using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>What an operation's endpoint declares, read from its metadata.</summary>
internal sealed record EndpointFacts(bool Anonymous, string? Permission, MethodInfo? Handler)
{
    public static EndpointFacts Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var permission = anonymous
            ? null
            : metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
                .FirstOrDefault(p => p?.StartsWith(Permissions.PolicyPrefix, StringComparison.Ordinal) == true)?[Permissions.PolicyPrefix.Length..];
        return new EndpointFacts(anonymous, permission, metadata.OfType<MethodInfo>().LastOrDefault());
    }

    /// <summary>
    /// The result types the handler declares: the cases of its <c>Results&lt;…&gt;</c> union, or its one result type.
    /// </summary>
    public IReadOnlyList<Type> DeclaredResults()
    {
        var type = Handler?.ReturnType;
        if (type is { IsGenericType: true } && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (type is null)
        {
            return [];
        }

        return Flatten(type).ToList();
    }

    /// <summary>The result types of a <c>Results&lt;…&gt;</c> union, unions inside it unwrapped.</summary>
    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType && type.Namespace == typeof(Microsoft.AspNetCore.Http.HttpResults.Ok).Namespace
            && type.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? type.GetGenericArguments().SelectMany(Flatten)
            : [type];
}
