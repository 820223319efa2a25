using AppBackend.Application.JobApplications.ListApplications;

namespace AppBackend.UnitTests.Application.ListApplications;

public class ListApplicationsQueryValidatorTests
{
    private readonly ListApplicationsQueryValidator _validator = new();

    [Theory]
    [InlineData(0)]
    [InlineData(600)]
    [InlineData(86400.0 * 36500)]
    public void Validate_WhenNotUpdatedForIsFromZeroToAHundredYears_Passes(double seconds) =>
        _validator.Validate(new ListApplicationsQuery(NotUpdatedFor: TimeSpan.FromSeconds(seconds))).IsValid.Should().BeTrue();

    [Fact]
    public void Validate_WhenNotUpdatedForIsAbsent_Passes() =>
        _validator.Validate(new ListApplicationsQuery()).IsValid.Should().BeTrue();

    [Theory]
    [InlineData(-1)]
    [InlineData(86400.0 * 36501)]
    public void Validate_WhenNotUpdatedForIsNegativeOrTooLong_FailsOnThatField(double seconds)
    {
        var result = _validator.Validate(new ListApplicationsQuery(NotUpdatedFor: TimeSpan.FromSeconds(seconds)));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(ListApplicationsQuery.NotUpdatedFor));
    }
}
