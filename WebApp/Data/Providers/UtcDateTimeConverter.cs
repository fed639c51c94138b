using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WebApp.Data.Providers;

/// <summary>Every DateTime is UTC by the app's rule: a local time is converted, an unspecified one is taken as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
