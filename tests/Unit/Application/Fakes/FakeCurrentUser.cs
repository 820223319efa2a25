using AppBackend.Application.Common.Security;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed record FakeCurrentUser(
    string Subject, bool IsRecruiter = false, string? OrganizationId = null, bool ActsAcrossOrganizations = false) : ICurrentUser;
