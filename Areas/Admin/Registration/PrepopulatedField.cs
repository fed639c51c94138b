using System.Linq.Expressions;

namespace WebApp.Admin;

/// <summary>One of Django's prepopulated_fields: <see cref="Target"/> filled as a slug of <see cref="Sources"/> while typing.</summary>
public sealed record PrepopulatedField<T>(Expression<Func<T, object?>> Target, IReadOnlyList<Expression<Func<T, object?>>> Sources) where T : class;
