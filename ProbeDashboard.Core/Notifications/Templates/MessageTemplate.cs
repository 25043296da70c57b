using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace ProbeDashboard.Core.Notifications.Templates;

/// <summary>A template that does not parse: where (1-based line and column) and why.</summary>
public sealed record TemplateError(int Line, int Column, string Reason)
{
    public override string ToString() => $"line {Line}, column {Column}: {Reason}";
}

/// <summary>
/// Liquid message templates (Fluid). Safe by construction: no file system (no include/render sources), a step budget
/// that ends runaway loops, a cap on the output, and no .NET members reachable, only the values we put in the model.
/// </summary>
public static class MessageTemplate
{
    /// <summary>Longest template a group stores, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>Steps one rendering may take: ample for any message, fatal for <c>{% for i in (1..100000000) %}</c>.</summary>
    public const int MaxSteps = 20_000;

    /// <summary>Longest rendering, in characters; every channel clips far below this anyway.</summary>
    public const int MaxOutput = 20_000;

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(MaxSteps)
        .WithMaxOutputSize(MaxOutput)
        .WithMaxRecursion(10)
        .WithCultureInfo(System.Globalization.CultureInfo.InvariantCulture)
        .WithTimeZone(TimeZoneInfo.Utc)
        // include, render and from find no files at all: a template reads nothing from the server's disk.
        .WithFileProvider(new FileProviderTemplateFileProvider(new Microsoft.Extensions.FileProviders.NullFileProvider()))
        .Build();

    /// <returns>Null when <paramref name="source"/> parses.</returns>
    public static TemplateError? Check(string source) => TryParse(source, out _, out var error) ? null : error;

    /// <summary>Renders <paramref name="source"/> on <paramref name="model"/>; values (not the template's own text) pass <paramref name="encoder"/>.</summary>
    /// <exception cref="TemplateRenderException">The template does not parse, or it ran past its step or output budget.</exception>
    public static string Render(string source, IReadOnlyDictionary<string, object?> model, TextEncoder encoder)
    {
        if (!TryParse(source, out var template, out var error)) throw new TemplateRenderException(error!.ToString());
        var context = new TemplateContext(Options);
        // A missing value renders as Liquid's nil (empty), as an unknown name would.
        foreach (var (name, value) in model) context.SetValue(name, value ?? NilValue.Instance);
        try
        {
            return template!.Render(context, encoder);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Step and output budgets, a missing include, a filter's bad argument: all end this rendering, none the caller.
            throw new TemplateRenderException(e.Message);
        }
    }

    private static bool TryParse(string source, out IFluidTemplate? template, out TemplateError? error)
    {
        error = null;
        if (Parser.TryParse(source, out template, out var message)) return true;
        error = Locate(source, message ?? "the template does not parse");
        return false;
    }

    /// <summary>Fluid says "... at (line:column)"; the API names the line and column on their own.</summary>
    private static TemplateError Locate(string source, string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"\((\d+):(\d+)\)");
        if (!match.Success) return new TemplateError(1, 1, message);
        var reason = message[..match.Index].Trim().TrimEnd(',', ':').Replace(" at", "", StringComparison.Ordinal).Trim();
        return new TemplateError(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), reason.Length == 0 ? message : reason);
    }
}

public sealed class TemplateRenderException(string message) : Exception(message);
