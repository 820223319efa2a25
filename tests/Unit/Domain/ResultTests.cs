using AppBackend.Domain.Common;

namespace AppBackend.UnitTests.Domain;

public class ResultTests
{
    private static readonly Error SomeError = Error.Conflict("test.conflict", "A conflict.");

    [Fact]
    public void Success_HasNoError()
    {
        var result = Result.Success();

        result.IsSuccess.Should().BeTrue();
        result.IsFailure.Should().BeFalse();
        var error = () => result.Error;
        error.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Failure_CarriesItsError()
    {
        var result = Result.Failure(SomeError);

        result.IsSuccess.Should().BeFalse();
        result.IsFailure.Should().BeTrue();
        result.Error.Should().BeSameAs(SomeError);
    }

    [Fact]
    public void SuccessOfT_CarriesItsValue()
    {
        var result = Result.Success(42);

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().Be(42);
    }

    [Fact]
    public void ImplicitConversion_FromAnError_IsAFailureWithoutAValue()
    {
        Result<int> result = SomeError;

        result.IsFailure.Should().BeTrue();
        result.Error.Should().BeSameAs(SomeError);
        var value = () => result.Value;
        value.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ImplicitConversion_FromAValue_IsASuccess()
    {
        Result<string> result = "value";

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().Be("value");
    }

    [Theory]
    [InlineData(ErrorKind.NotFound)]
    [InlineData(ErrorKind.Conflict)]
    [InlineData(ErrorKind.Rule)]
    [InlineData(ErrorKind.Validation)]
    public void ErrorFactories_SetTheirKindAndNoDetails(ErrorKind kind)
    {
        var error = kind switch
        {
            ErrorKind.NotFound => Error.NotFound("c", "d"),
            ErrorKind.Conflict => Error.Conflict("c", "d"),
            ErrorKind.Rule => Error.Rule("c", "d"),
            _ => Error.Validation("c", "d"),
        };

        error.Kind.Should().Be(kind);
        error.Code.Should().Be("c");
        error.Description.Should().Be("d");
        error.Details.Should().BeEmpty();
    }
}
