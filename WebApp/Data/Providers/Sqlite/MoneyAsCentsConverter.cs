using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WebApp.Data.Providers.Sqlite;

internal sealed class MoneyAsCentsConverter() : ValueConverter<decimal, long>(
    money => (long)decimal.Round(money * 100m, MidpointRounding.AwayFromZero),
    cents => cents / 100m);
