using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TumorWeb.Data.PostgreSql;

/// <summary>
/// Turns a <see cref="DateTimeOffset"/> to the same instant at offset zero before it is written to a
/// timestamptz column (Npgsql refuses any other offset). Values read back are in UTC, as on SQLite.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
