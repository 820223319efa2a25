using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// Stores a timestamp as its UTC ticks: exact, and sortable and comparable in SQLite, which has no
/// timestamp type (EF's binary converter would round to a tenth of a millisecond).
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
