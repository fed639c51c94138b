using AutoMapper;

namespace WebApp.Orders;

internal sealed class OrdersMappingProfile : Profile
{
    public OrdersMappingProfile()
    {
        // Projections (ProjectTo): only the columns these views show are read.
        CreateMap<Order, OrderSummaryView>()
            .ForMember(v => v.ItemCount, o => o.MapFrom(order => order.Lines.Sum(l => l.Quantity)));
        CreateMap<OrderLine, OrderLineView>();
        CreateMap<OrderStatusChange, OrderHistoryView>();
        CreateMap<Order, OrderDetailsView>()
            .ForMember(v => v.Lines, o => o.MapFrom(order => order.Lines.OrderBy(l => l.Id)))
            .ForMember(v => v.History, o => o.MapFrom(order => order.StatusChanges.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)));

        // Checkout starts from the details of the customer's last order.
        CreateMap<Order, CheckoutForm>();

        // The checkout form becomes a command; who places it and with which token come from the request, not the form.
        CreateMap<CheckoutForm, PlaceOrder>()
            .ForMember(c => c.CustomerId, o => o.Ignore())
            .ForMember(c => c.IdempotencyKey, o => o.Ignore())
            .ForMember(c => c.CartVersion, o => o.Ignore())
            .AddTransform<string?>(text => string.IsNullOrWhiteSpace(text) ? null : text.Trim());
    }
}
