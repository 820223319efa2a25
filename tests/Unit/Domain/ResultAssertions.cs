using AppBackend.Domain.Common;

namespace AppBackend.UnitTests.Domain;

/// <summary>Assertions on <see cref="Result"/> that say which error a refusal carried when it should not have failed.</summary>
internal static class ResultAssertions
{
    public static void ShouldSucceed(this Result result) =>
        result.IsSuccess.Should().BeTrue("the transition should be allowed, but it was refused with {0}", result.IsFailure ? result.Error.Code : null);

    public static T ShouldSucceedWith<T>(this Result<T> result, T expected)
    {
        result.ShouldSucceed();
        result.Value.Should().Be(expected);
        return result.Value;
    }

    public static Error ShouldFailWith(this Result result, ErrorKind kind, string code)
    {
        result.IsFailure.Should().BeTrue("the call should be refused with {0}", code);
        result.Error.Code.Should().Be(code);
        result.Error.Kind.Should().Be(kind);
        result.Error.Description.Should().NotBeNullOrWhiteSpace();
        return result.Error;
    }
}
