using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Admin;

/// <summary>
/// What <see cref="ModelAdmin{T}.GetSearchResultsAsync"/> sees: the search as typed and split into terms, the database,
/// and the default search over the registration's <see cref="ModelAdmin.SearchFields"/>.
/// </summary>
public sealed class AdminSearchContext<T> where T : class
{
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private readonly ResolvedModelAdmin<T> _admin;
    private readonly AdminRequestContext _request;

    internal AdminSearchContext(ResolvedModelAdmin<T> admin, AdminRequestContext request, string searchTerm)
    {
        _admin = admin;
        _request = request;
        SearchTerm = searchTerm;
        Terms = SearchTerms.Split(searchTerm);
    }

    /// <summary>The <c>q</c> parameter as typed.</summary>
    public string SearchTerm { get; }

    /// <summary>Its terms: split on whitespace, quoted phrases kept whole (Django's smart_split).</summary>
    public IReadOnlyList<string> Terms { get; }

    public DbContext Db => _request.Db;

    public AdminUser User => _request.User;

    /// <summary>
    /// Django's search: every term found in some search field (<c>^</c> starts with, <c>=</c> exact, none contains),
    /// case-insensitive and parameterised. An override that finds candidates another way keeps this as the definition
    /// of a match.
    /// </summary>
    public IQueryable<T> MatchSearchFields(IQueryable<T> query)
    {
        if (_admin.SearchFields.Count == 0) return query;
        foreach (var term in Terms) query = query.Where(Predicate(term));
        return query;
    }

    /// <summary>row => field1 matches term OR field2 matches term ..., the term always a parameter.</summary>
    private Expression<Func<T, bool>> Predicate(string term)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var matching = Db.Provider().TextMatching;
        Expression? any = null;
        foreach (var (path, mode) in _admin.SearchFields)
        {
            var field = path.Build(parameter);
            Expression match = mode switch
            {
                SearchMode.Exact => Expression.Equal(Expression.Call(field, ToLowerMethod), QueryParameters.Constant(term.ToLowerInvariant(), typeof(string))),
                SearchMode.StartsWith => matching.Matches(field, term, TextMatch.StartsWith),
                _ => matching.Matches(field, term, TextMatch.Contains),
            };
            any = any is null ? match : Expression.OrElse(any, match);
        }
        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }
}
