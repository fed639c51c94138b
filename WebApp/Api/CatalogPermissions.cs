namespace WebApp.Api;

/// <summary>The admin's model permissions the API checks (the admin derives the same names from its registrations).</summary>
internal static class CatalogPermissions
{
    public const string ViewProduct = "catalog.view_product";
    public const string AddProduct = "catalog.add_product";
    public const string ChangeProduct = "catalog.change_product";
    public const string DeleteProduct = "catalog.delete_product";
}
