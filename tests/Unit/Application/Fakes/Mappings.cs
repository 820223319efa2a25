using AppBackend.Application.Common.Mapping;
using Mapster;
using MapsterMapper;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>The real view mappings (not a fake: mapping is part of what a handler answers).</summary>
internal static class Mappings
{
    public static IMapper Mapper()
    {
        var config = new TypeAdapterConfig();
        new ViewMappings().Register(config);
        config.Compile();
        return new Mapper(config);
    }
}
