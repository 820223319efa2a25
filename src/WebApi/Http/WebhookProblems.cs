using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Http;

internal static class WebhookProblems
{
    public static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "webhook.too_large", "A webhook body may be at most 64 KiB.");

    public static ProblemHttpResult BadSignature() =>
        Problem(StatusCodes.Status401Unauthorized, "webhook.bad_signature", "The webhook signature is missing or does not match the body.");

    public static ProblemHttpResult Malformed() =>
        Problem(StatusCodes.Status400BadRequest, "webhook.malformed", "The webhook body is not the JSON object the contract describes.");

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(ProblemMapping.Coded(status, code, detail));
}
