using System.Text.Json.Serialization;
using WebApp.Orders;

namespace WebApp.Api.Models;

internal sealed class OrderSummaryResponse
{
    public string Number { get; init; } = "";
    public DateTime CreatedAt { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
    public OrderStatus Status { get; init; }

    public decimal Total { get; init; }

    /// <summary>Units ordered, all lines together.</summary>
    public int ItemCount { get; init; }
}

internal sealed class OrderResponse
{
    public string Number { get; init; } = "";
    public DateTime CreatedAt { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
    public OrderStatus Status { get; init; }

    public string ContactEmail { get; init; } = "";
    public ShippingAddressResponse ShippingAddress { get; init; } = new();
    public decimal Subtotal { get; init; }
    public decimal Total { get; init; }
    public IReadOnlyList<OrderLineResponse> Lines { get; init; } = [];
    public IReadOnlyList<OrderStatusChangeResponse> History { get; init; } = [];
}

internal sealed class ShippingAddressResponse
{
    public string Name { get; init; } = "";
    public string AddressLine1 { get; init; } = "";
    public string? AddressLine2 { get; init; }
    public string City { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string Country { get; init; } = "";
}

/// <summary>A line as it was when the order was placed.</summary>
internal sealed class OrderLineResponse
{
    public string ProductName { get; init; } = "";
    public string ProductSku { get; init; } = "";
    public decimal UnitPrice { get; init; }
    public int Quantity { get; init; }
    public decimal LineTotal { get; init; }
}

internal sealed class OrderStatusChangeResponse
{
    [JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
    public OrderStatus Status { get; init; }

    public DateTime ChangedAt { get; init; }
}
