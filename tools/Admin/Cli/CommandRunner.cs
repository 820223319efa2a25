using System.CommandLine;
using System.Data.Common;
using AppBackend.Admin.Composition;
using AppBackend.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AppBackend.Admin.Cli;

/// <summary>
/// Runs a command's body and turns whatever goes wrong into an exit code and a short message on stderr: invalid input
/// or configuration → 2, a lost race → 1, anything else (the database unreachable, say) → 3 in one line, with the
/// full exception only under <c>--verbose</c>.
/// </summary>
public sealed class CommandRunner(TextWriter output, TextWriter error, IDictionary<string, string?>? settings, Stream? input)
{
    public GlobalOptions Globals { get; } = new();

    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<AdminContext, CancellationToken, Task<int>> body) =>
        (parsed, cancellationToken) => RunAsync(parsed, body, cancellationToken);

    private async Task<int> RunAsync(ParseResult parsed, Func<AdminContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var verbose = parsed.GetValue(Globals.Verbose);
        try
        {
            var configuration = AdminConfiguration.Build(settings, Globals.Settings(parsed));
            await using var context = new AdminContext(
                parsed, output, error, input, configuration, AdminConfiguration.Environment(configuration), parsed.GetValue(Globals.Json), verbose);
            return await body(context, cancellationToken);
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex, cancellationToken);
            foreach (var line in message)
            {
                await error.WriteLineAsync($"error: {line}");
            }

            if (verbose && code == ExitCodes.Failure)
            {
                await error.WriteLineAsync(ex.ToString());
            }

            return code;
        }
    }

    private static (int Code, IReadOnlyList<string> Lines) Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AdminFailure failure => (failure.ExitCode, [failure.Message]),
        ValidationException validation => (ExitCodes.Usage, [.. validation.Errors.Select(e => e.ErrorMessage).Distinct()]),
        OptionsValidationException options => (ExitCodes.Usage, [.. options.Failures.Select(f => $"configuration: {f}")]),
        ConcurrencyConflictException => (ExitCodes.Refused, ["The application was changed by someone else at the same time; run the command again."]),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Failure, ["Cancelled."]),
        _ when Find<DbException>(exception) is { } db => (ExitCodes.Failure, [$"The database cannot be reached or refused the operation: {FirstLine(db.Message)}"]),
        _ when Find<TimeoutException>(exception) is { } timeout => (ExitCodes.Failure, [$"Timed out: {FirstLine(timeout.Message)}"]),
        _ when Find<HttpRequestException>(exception) is { } http => (ExitCodes.Failure, [$"The AI backend cannot be reached: {FirstLine(http.Message)}"]),
        _ => (ExitCodes.Failure, [$"Unexpected failure ({exception.GetType().Name}): {FirstLine(exception.Message)} (run with --verbose for details)"]),
    };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
