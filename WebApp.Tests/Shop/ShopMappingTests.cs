using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class ShopMappingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_AutoMapper_configuration_is_valid()
    {
        var mapper = _factory.Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Fact]
    public void The_checkout_form_becomes_a_trimmed_place_order_command_without_a_customer()
    {
        var mapper = _factory.Services.GetRequiredService<IMapper>();

        var command = mapper.Map<PlaceOrder>(new CheckoutForm
        {
            ContactEmail = " ada@example.com ",
            ShippingName = "Ada",
            ShippingAddressLine1 = "1 Street",
            ShippingAddressLine2 = "   ",
            ShippingCity = "London ",
            ShippingPostalCode = "N1",
            ShippingCountry = "UK",
        });

        Assert.Equal(("ada@example.com", "London", null, "", ""),
            (command.ContactEmail, command.ShippingCity, command.ShippingAddressLine2, command.CustomerId, command.IdempotencyKey));
    }
}

public sealed class OrderNumbersTests
{
    [Fact]
    public void Order_numbers_are_random_readable_and_recognised()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => OrderNumbers.New()).ToList();

        Assert.All(numbers, n => Assert.True(OrderNumbers.IsWellFormed(n), n));
        Assert.All(numbers, n => Assert.DoesNotContain(n[3..], c => "01ILO".Contains(c)));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("WA-7K3F9Q2M", true)]
    [InlineData("wa-7k3f9q2m", false)]
    [InlineData("WA-7K3F9Q2O", false)]
    [InlineData("WA-7K3F9Q2", false)]
    [InlineData("XX-7K3F9Q2M", false)]
    [InlineData("", false)]
    public void Only_well_formed_numbers_are_looked_up(string number, bool wellFormed) =>
        Assert.Equal(wellFormed, OrderNumbers.IsWellFormed(number));
}
