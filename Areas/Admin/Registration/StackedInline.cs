namespace WebApp.Admin;

/// <summary>An inline shown as one small form per object, fields one under another (Django's StackedInline).</summary>
public abstract class StackedInline<TParent, TChild> : InlineModelAdmin<TParent, TChild> where TParent : class where TChild : class
{
    internal sealed override bool IsTabular => false;
}
