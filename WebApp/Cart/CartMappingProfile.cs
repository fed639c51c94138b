using AutoMapper;

namespace WebApp.Cart;

internal sealed class CartMappingProfile : Profile
{
    public CartMappingProfile()
    {
        // Used with ProjectTo: only these product columns are read.
        CreateMap<CartItem, CartLine>()
            .ForMember(l => l.UnitPrice, o => o.MapFrom(i => i.Product!.Price))
            .ForMember(l => l.Stock, o => o.MapFrom(i => i.Product!.Stock))
            .ForMember(l => l.IsAvailable, o => o.MapFrom(i => i.Product!.IsActive))
            .ForMember(l => l.Image, o => o.Ignore()); // read for all lines at once (ProductImages)
    }
}
