using AutoMapper;

namespace WebApp.Catalog;

/// <summary>Projections of catalog entities to the shop's view models, translated to SQL by ProjectTo.</summary>
internal sealed class CatalogMappingProfile : Profile
{
    public CatalogMappingProfile()
    {
        // The primary image is read for the whole page at once (ProductImages), not per row.
        CreateMap<Product, ProductListItem>()
            .ForMember(item => item.Image, options => options.Ignore());

        // Counted for all categories at once by CatalogQueries (one grouped query, kept while big), not per row.
        CreateMap<Category, CategorySummary>()
            .ForMember(summary => summary.ActiveProductCount, options => options.Ignore());

        CreateMap<Category, CategoryLink>();
    }
}
