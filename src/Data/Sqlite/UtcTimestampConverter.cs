using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TumorWeb.Data.Sqlite;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as a fixed-width UTC ISO-8601 string
/// ("2025-11-25T19:33:00.0000000Z"). SQLite has no date type and EF refuses to order or compare
/// DateTimeOffset columns there; fixed-width UTC text sorts in time order and stays readable.
/// The offset is not kept: values read back are in UTC.
/// </summary>
public sealed class UtcTimestampConverter() : ValueConverter<DateTimeOffset, string>(
    value => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    text => DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
