using System.CommandLine;
using AppBackend.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AppBackend.Admin.Cli;

/// <summary><c>webhook sign</c>: the <c>X-Signature</c> the AI backend would send with a body, for testing the webhook by hand.</summary>
public static class WebhookCommands
{
    public static Command Create(CommandRunner runner)
    {
        var webhook = new Command("webhook", "Help with the AI backend's webhook (POST /webhooks/analysis-ready).");
        webhook.Subcommands.Add(Sign(runner));
        return webhook;
    }

    private static Command Sign(CommandRunner runner)
    {
        var file = new Argument<string>("FILE") { Description = "The exact body to sign (every byte counts); - reads standard input." };
        var sign = new Command(
            "sign",
            "Print the X-Signature of a body: lower-case hex HMAC-SHA256 of its exact bytes under the first AI_CALLBACK_SECRET.")
        {
            file,
        };
        sign.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            var body = await ReadAsync(context, context.Parsed.GetRequiredValue(file), cancellationToken);
            var keys = context.Services.GetRequiredService<IOptions<CallbackSecretOptions>>().Value.Keys();
            var signature = XSignature.ComputeHex(keys[0], body);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { header = "X-Signature", signature, bytes = body.Length });
            }
            else
            {
                await context.Output.WriteLineAsync(signature);
            }

            return ExitCodes.Success;
        }));
        return sign;
    }

    private static async Task<byte[]> ReadAsync(AdminContext context, string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await context.OpenInput().CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AdminFailure(ExitCodes.Usage, $"Cannot read '{path}': {ex.Message}");
        }
    }
}
