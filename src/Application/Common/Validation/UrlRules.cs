using FluentValidation;

namespace AppBackend.Application.Common.Validation;

/// <summary>Shared rules for the URLs the AI backend will fetch.</summary>
public static class UrlRules
{
    public static IRuleBuilderOptions<T, string?> MediaUrl<T>(this IRuleBuilder<T, string?> rule, bool allowInsecure) =>
        rule.Must(value => IsAcceptable(value, allowInsecure))
            .WithMessage(allowInsecure ? "'{PropertyName}' must be an absolute http or https URL." : "'{PropertyName}' must be an absolute https URL.");

    private static bool IsAcceptable(string? value, bool allowInsecure) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowInsecure && uri.Scheme == Uri.UriSchemeHttp))
        && !string.IsNullOrEmpty(uri.Host);
}
