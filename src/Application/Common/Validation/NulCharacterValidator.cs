using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace AppBackend.Application.Common.Validation;

/// <summary>
/// Refuses U+0000 anywhere in a message: in its strings, in those of the records it holds, and in the names and
/// strings of its JSON. PostgreSQL cannot store that character in text or jsonb, so without this rule such input
/// (a title, a name, an id from a route or a cursor) reached the database and was reported as an outage (503).
/// Runs for every message, so a field added later is covered too.
/// </summary>
public sealed class NulCharacterValidator<TMessage> : AbstractValidator<TMessage>
{
    public const string Message = "'{0}' must not contain the character U+0000.";

    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public NulCharacterValidator() =>
        RuleFor(m => m).Custom((message, context) =>
        {
            foreach (var path in PathsWithNul(message, string.Empty, 0))
            {
                context.AddFailure(new ValidationFailure(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, FirstToLower(path))));
            }
        });

    private static IEnumerable<string> PathsWithNul(object? value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    yield return path;
                }

                yield break;
            case JsonElement json:
                if (JsonHasNul(json, 0))
                {
                    yield return path;
                }

                yield break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var found in PathsWithNul(item, $"{path}[{index}]", depth + 1))
                    {
                        yield return found;
                    }

                    index++;
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || !IsOwnRecord(type))
        {
            yield break;
        }

        foreach (var property in Properties.GetOrAdd(type, PropertiesOf))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            foreach (var found in PathsWithNul(property.GetValue(value), name, depth + 1))
            {
                yield return found;
            }
        }
    }

    /// <summary>The messages and their parts: this layer's own types, never a port or a framework type.</summary>
    private static bool IsOwnRecord(Type type) =>
        !type.IsInterface && type.Namespace?.StartsWith("AppBackend.Application", StringComparison.Ordinal) == true;

    private static PropertyInfo[] PropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")];

    private static bool JsonHasNul(JsonElement element, int depth)
    {
        if (depth > 64)
        {
            return false; // deeper than any bound; the aiMetadata rules refuse it
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Contains('\0', StringComparison.Ordinal),
            JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || JsonHasNul(p.Value, depth + 1)),
            JsonValueKind.Array => element.EnumerateArray().Any(e => JsonHasNul(e, depth + 1)),
            _ => false,
        };
    }

    /// <summary>The path as the JSON names it (<c>questions[0].text</c>).</summary>
    private static string FirstToLower(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
