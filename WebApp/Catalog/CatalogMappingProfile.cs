using AutoMapper;

namespace WebApp.Catalog;

/// <summary>Projections of catalog entities to the shop's view models, translated to SQL by ProjectTo.</summary>
internal sealed class CatalogMappingProfile : Profile
{
    public CatalogMappingProfile()
    {
        CreateMap<Product, ProductListItem>();

        CreateMap<Category, CategorySummary>()
            .ForMember(summary => summary.ActiveProductCount,
                options => options.MapFrom(category => category.Products.Count(product => product.IsActive)));

        CreateMap<Category, CategoryLink>();
    }
}
