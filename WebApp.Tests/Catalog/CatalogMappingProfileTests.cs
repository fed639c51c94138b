using AutoMapper;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Catalog;

public class CatalogMappingProfileTests
{
    [Fact]
    public void The_catalog_profile_maps_every_member()
    {
        var configuration = new MapperConfiguration(mapping => mapping.AddProfile<CatalogMappingProfile>(), NullLoggerFactory.Instance);

        configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void The_app_registers_a_valid_configuration_with_the_catalog_profile()
    {
        using var factory = new WebAppFactory();
        var configuration = factory.Services.GetRequiredService<AutoMapper.IConfigurationProvider>();

        configuration.AssertConfigurationIsValid();
        Assert.NotNull(configuration.Internal().FindTypeMapFor<Product, ProductListItem>());
    }
}
