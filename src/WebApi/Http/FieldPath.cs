using System.Text;

namespace AppBackend.WebApi.Http;

/// <summary>Writes FluentValidation property paths (<c>Questions[0].AiMetadata</c>) as JSON paths (<c>questions[0].aiMetadata</c>).</summary>
internal static class FieldPath
{
    public static string ToCamelCase(string propertyPath)
    {
        var builder = new StringBuilder(propertyPath.Length);
        var startOfSegment = true;
        foreach (var character in propertyPath)
        {
            builder.Append(startOfSegment ? char.ToLowerInvariant(character) : character);
            startOfSegment = character == '.';
        }

        return builder.ToString();
    }
}
