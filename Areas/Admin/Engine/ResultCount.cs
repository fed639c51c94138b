namespace WebApp.Admin;

/// <summary>How many rows a changelist holds: exact, an estimate, or (<see cref="IsLowerBound"/>) more than <c>Value - 1</c>.</summary>
internal readonly record struct ResultCount(long Value, bool IsExact, bool IsLowerBound = false);
