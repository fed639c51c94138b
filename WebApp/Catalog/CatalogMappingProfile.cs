using AutoMapper;

namespace WebApp.Catalog;

/// <summary>Projections of catalog entities to the shop's view models, translated to SQL by ProjectTo.</summary>
internal sealed class CatalogMappingProfile : Profile
{
    public CatalogMappingProfile()
    {
        // The primary image's columns come from subqueries of the page's own query: no second round trip for the pictures.
        CreateMap<Product, ProductListItem>()
            .ForMember(item => item.ImageKey, options => options.MapFrom(ProductImages.PrimaryColumn(i => (string?)i.ImageKey)))
            .ForMember(item => item.ImageWidth, options => options.MapFrom(ProductImages.PrimaryColumn(i => i.Width)))
            .ForMember(item => item.ImageHeight, options => options.MapFrom(ProductImages.PrimaryColumn(i => i.Height)))
            .ForMember(item => item.ImageAltText, options => options.MapFrom(ProductImages.PrimaryColumn(i => (string?)i.AltText)));

        // Counted for all categories at once by CatalogQueries (one grouped query, kept while big), not per row.
        CreateMap<Category, CategorySummary>()
            .ForMember(summary => summary.ActiveProductCount, options => options.Ignore());

        CreateMap<Category, CategoryLink>();
    }
}
