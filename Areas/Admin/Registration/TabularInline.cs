namespace WebApp.Admin;

/// <summary>An inline shown as a table, one row per object (Django's TabularInline): for rows of a few short fields.</summary>
public abstract class TabularInline<TParent, TChild> : InlineModelAdmin<TParent, TChild> where TParent : class where TChild : class
{
    internal sealed override bool IsTabular => true;
}
