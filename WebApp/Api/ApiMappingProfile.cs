using AutoMapper;
using WebApp.Api.Models;
using WebApp.Catalog;
using WebApp.Orders;

namespace WebApp.Api;

/// <summary>Entities and the shop's views to the API's JSON shapes; product rows are projected in SQL (ProjectTo).</summary>
internal sealed class ApiMappingProfile : Profile
{
    public ApiMappingProfile()
    {
        CreateMap<Category, CategoryReference>();
        CreateMap<CategorySummary, CategoryResponse>()
            .ForMember(c => c.ProductCount, o => o.MapFrom(summary => summary.ActiveProductCount));

        CreateMap<Product, ProductSummaryResponse>();
        CreateMap<Product, ProductResponse>()
            .ForMember(p => p.Tags, o => o.MapFrom(product => product.Tags.OrderBy(t => t.Name).Select(t => t.Name)))
            .ForMember(p => p.ReviewCount, o => o.MapFrom(product => product.Reviews.Count(r => r.IsApproved)))
            .ForMember(p => p.AverageRating, o => o.MapFrom(product => product.Reviews.Where(r => r.IsApproved).Average(r => (double?)r.Rating)));

        // Only what the request carries: the key, timestamps and relations stay as the database has them.
        CreateMap<ProductRequest, Product>()
            .ForMember(p => p.Id, o => o.Ignore())
            .ForMember(p => p.Category, o => o.Ignore())
            .ForMember(p => p.Tags, o => o.Ignore())
            .ForMember(p => p.Reviews, o => o.Ignore())
            .ForMember(p => p.Images, o => o.Ignore())
            .ForMember(p => p.CreatedAt, o => o.Ignore())
            .ForMember(p => p.UpdatedAt, o => o.Ignore())
            .ForMember(p => p.Version, o => o.Ignore())
            .ForMember(p => p.IsActive, o => o.MapFrom(request => request.IsActive ?? true))
            .AddTransform<string?>(text => string.IsNullOrWhiteSpace(text) ? null : text.Trim());

        CreateMap<OrderSummaryView, OrderSummaryResponse>();
        CreateMap<OrderDetailsView, ShippingAddressResponse>()
            .ForMember(a => a.Name, o => o.MapFrom(view => view.ShippingName))
            .ForMember(a => a.AddressLine1, o => o.MapFrom(view => view.ShippingAddressLine1))
            .ForMember(a => a.AddressLine2, o => o.MapFrom(view => view.ShippingAddressLine2))
            .ForMember(a => a.City, o => o.MapFrom(view => view.ShippingCity))
            .ForMember(a => a.PostalCode, o => o.MapFrom(view => view.ShippingPostalCode))
            .ForMember(a => a.Country, o => o.MapFrom(view => view.ShippingCountry));
        CreateMap<OrderDetailsView, OrderResponse>()
            .ForMember(o => o.ShippingAddress, o => o.MapFrom(view => view));
        CreateMap<OrderLineView, OrderLineResponse>();
        CreateMap<OrderHistoryView, OrderStatusChangeResponse>()
            .ForMember(c => c.Status, o => o.MapFrom(view => view.ToStatus));
    }
}
