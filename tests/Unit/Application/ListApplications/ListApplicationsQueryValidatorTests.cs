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

    [Theory]
    [InlineData("acme")]
    [InlineData(null)]
    public void Validate_WhenOrganizationIsAbsentOrUsable_Passes(string? organizationId) =>
        _validator.Validate(new ListApplicationsQuery(OrganizationId: organizationId)).IsValid.Should().BeTrue();

    [Fact]
    public void Validate_WhenOrganizationIs128Characters_Passes() =>
        _validator.Validate(new ListApplicationsQuery(OrganizationId: new string('o', 128))).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null, 129)]
    public void Validate_WhenOrganizationIsBlankOrTooLong_FailsOnThatField(string? organizationId, int length = 0)
    {
        var result = _validator.Validate(new ListApplicationsQuery(OrganizationId: organizationId ?? new string('o', length)));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(ListApplicationsQuery.OrganizationId));
    }
}
