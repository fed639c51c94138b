using AutoMapper;

namespace WebApp.Catalog;

/// <summary>Projections of catalog entities to the shop's view models, translated to SQL by ProjectTo.</summary>
internal sealed class CatalogMappingProfile : Profile
{
    public CatalogMappingProfile()
    {
        // The primary image comes from a subquery of the page's own query: no second round trip for the pictures.
        CreateMap<Product, ProductListItem>()
            .ForMember(item => item.ImageColumns, options => options.MapFrom(ProductImages.PrimaryColumns()))
            .ForMember(item => item.CategoryName, options => options.Ignore())
            .ForMember(item => item.CategorySlug, options => options.Ignore());

        // Counted for all categories at once by CatalogQueries (one grouped query, kept while big), not per row.
        CreateMap<Category, CategorySummary>()
            .ForMember(summary => summary.ActiveProductCount, options => options.Ignore());

        CreateMap<Category, CategoryLink>();
    }
}
