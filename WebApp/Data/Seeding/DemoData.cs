using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Accounts.Permissions;
using WebApp.Catalog;

namespace WebApp.Data.Seeding;

/// <summary>
/// A small, believable shop for Development: six categories, thirty products (three inactive, some out of stock, each
/// with a picture drawn here, see <see cref="DemoImages"/>),
/// tags, approved and pending reviews, and one account of each kind. Only ever added to an empty database.
/// </summary>
internal sealed class DemoData(
    AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, Media.ImageUploads images, ILogger<DemoData> logger)
{
    public sealed record DemoAccount(string Email, string Password, string DisplayName, bool IsStaff, bool IsSuperuser);

    public static readonly DemoAccount Admin = new("admin@example.com", "Admin!2345", "Ada Admin", IsStaff: true, IsSuperuser: true);
    public static readonly DemoAccount Staff = new("staff@example.com", "Staff!2345", "Sam Staff", IsStaff: true, IsSuperuser: false);
    public static readonly DemoAccount Customer = new("customer@example.com", "Customer!2345", "Casey Customer", IsStaff: false, IsSuperuser: false);
    public static IReadOnlyList<DemoAccount> Accounts { get; } = [Admin, Staff, Customer];

    private sealed record DemoProduct(
        string Name, decimal Price, int Stock, string Description, string[] Tags, bool IsActive = true);

    private sealed record DemoCategory(string Name, string SkuPrefix, string Description, DemoProduct[] Products);

    private static readonly (string Name, string Slug)[] DemoTags =
    [
        ("New", "new"), ("Bestseller", "bestseller"), ("Gift idea", "gift-idea"), ("Eco-friendly", "eco-friendly"),
    ];

    private static readonly DemoCategory[] Catalog =
    [
        new("Kitchen", "KIT", "Cookware and tools for everyday cooking.",
        [
            new("Cast Iron Skillet 26 cm", 39.90m, 24, "Pre-seasoned cast iron that goes from hob to oven and lasts a lifetime.", ["bestseller"]),
            new("Chef's Knife 20 cm", 64.00m, 12, "Forged stainless steel with a full tang and a walnut handle that sits well in the hand.", ["gift-idea"]),
            new("Bamboo Cutting Board", 24.50m, 40, "A large, knife-friendly board made from fast-growing bamboo, with a juice groove.", ["eco-friendly"]),
            new("Enamel Dutch Oven 4.5 L", 119.00m, 6, "Heavy enamelled cast iron for stews, braises and bread. Oven-safe to 250 °C.", ["gift-idea"]),
            new("Silicone Spatula Set", 14.99m, 0, "Three heat-resistant spatulas that will not scratch non-stick pans.", []),
        ]),
        new("Coffee & Tea", "COF", "Everything for a better cup at home.",
        [
            new("Pour-Over Coffee Dripper", 22.00m, 30, "Ceramic dripper for a clean, bright cup. Fits standard size 2 filters.", []),
            new("Burr Coffee Grinder", 89.00m, 15, "Conical steel burrs and 30 grind settings, from espresso to French press.", ["bestseller"]),
            new("Gooseneck Kettle 1 L", 54.90m, 18, "A slow, steady pour for pour-over coffee, with a built-in thermometer.", []),
            new("Loose Leaf Sencha 100 g", 11.50m, 60, "A fresh, grassy green tea from Shizuoka, packed in a resealable tin.", ["new"]),
            new("Glass Teapot with Infuser", 29.00m, 0, "Borosilicate glass teapot with a removable stainless-steel infuser.", [], IsActive: false),
        ]),
        new("Home Office", "OFF", "A desk you are glad to sit at.",
        [
            new("Ergonomic Desk Chair", 289.00m, 5, "Adjustable lumbar support, seat depth and armrests, in breathable mesh.", []),
            new("Oak Monitor Stand", 69.00m, 14, "Solid oak riser that lifts your screen to eye level and tidies the desk below.", ["eco-friendly"]),
            new("Wireless Mechanical Keyboard", 119.00m, 20, "Quiet tactile switches, three Bluetooth profiles and a month of battery.", ["new"]),
            new("Desk Lamp with Dimmer", 45.00m, 22, "Warm to cool white light with a stepless dimmer and a flexible arm.", []),
            new("Cable Management Tray", 19.90m, 35, "Mounts under the desk and hides power strips and cables from view.", []),
        ]),
        new("Outdoor", "OUT", "Gear for walks, hikes and nights under the stars.",
        [
            new("Insulated Water Bottle 750 ml", 27.50m, 80, "Keeps drinks cold for 24 hours or hot for 12. Stainless steel, no plastic taste.", ["bestseller", "eco-friendly"]),
            new("Two-Person Tent", 189.00m, 7, "Pitches in five minutes, weighs 2.1 kg and stays dry in a downpour.", []),
            new("Merino Hiking Socks, 2 pairs", 24.00m, 50, "Cushioned merino wool socks that stay warm when wet and do not smell.", ["gift-idea"]),
            new("Camping Stove", 59.00m, 0, "Compact gas stove that boils a litre of water in three minutes.", [], IsActive: false),
            new("Trekking Poles", 74.90m, 10, "Carbon poles with cork grips that fold down to 38 cm.", []),
        ]),
        new("Audio", "AUD", "Headphones, speakers and record players.",
        [
            new("Noise-Cancelling Headphones", 249.00m, 9, "Over-ear headphones with adaptive noise cancelling and 30 hours of battery.", ["bestseller", "gift-idea"]),
            new("Portable Bluetooth Speaker", 79.00m, 25, "Waterproof speaker with a full sound and a strap for your bag.", []),
            new("Wired Studio Earphones", 39.00m, 30, "Detailed, neutral sound and a detachable braided cable.", []),
            new("Turntable with Built-in Preamp", 199.00m, 4, "Belt-driven turntable that plugs straight into powered speakers.", ["new"]),
            new("Vintage Cassette Player", 49.00m, 0, "Portable cassette player with auto-reverse and a headphone jack.", [], IsActive: false),
        ]),
        new("Books", "BOO", "Reading for cooks, walkers and tinkerers.",
        [
            new("The Home Barista", 28.00m, 20, "A practical guide to brewing cafe-quality coffee with simple equipment.", []),
            new("Slow Cooking for Busy People", 24.00m, 16, "Eighty recipes that cook themselves while you are at work.", ["gift-idea"]),
            new("Trails of the Northern Coast", 32.00m, 11, "Forty day walks along cliffs, beaches and harbour towns, with maps.", []),
            new("A Short History of Everyday Things", 19.50m, 27, "How the fork, the zip and the paper clip came to be.", ["new"]),
            new("Designing Calm Workspaces", 27.00m, 13, "Light, sound and order: small changes for a better place to work.", []),
        ]),
    ];

    private static readonly (string Product, int Rating, string Title, string Body, bool IsApproved)[] Reviews =
    [
        ("Cast Iron Skillet 26 cm", 5, "Best pan I own", "Sears steak beautifully and the seasoning gets better every week.", true),
        ("Burr Coffee Grinder", 4, "Consistent grind", "A big step up from my blade grinder. A little loud, but worth it.", true),
        ("Pour-Over Coffee Dripper", 5, "Simple and perfect", "Makes a clean cup every morning. Easy to rinse.", true),
        ("Ergonomic Desk Chair", 4, "My back thanks me", "Took an evening to adjust everything, but now I sit comfortably all day.", true),
        ("Insulated Water Bottle 750 ml", 5, "Still cold at the summit", "Ice was still there after a full day of hiking.", true),
        ("Noise-Cancelling Headphones", 5, "Quiet flights at last", "The noise cancelling is superb and they are comfortable for hours.", true),
        ("The Home Barista", 4, "Clear and useful", "Great explanations of grind size and ratios without the snobbery.", true),
        ("Two-Person Tent", 3, "Good, but snug", "Stayed dry in heavy rain. Two people fit, but not much else.", false),
        ("Portable Bluetooth Speaker", 2, "Bass is weak", "Loud enough, but music sounds thin compared to my old speaker.", false),
        ("Wireless Mechanical Keyboard", 5, "Lovely to type on", "Switching between laptop and tablet is instant. Keys feel great.", false),
    ];

    /// <summary>Adds everything when the database has neither users nor products; otherwise leaves it alone.</summary>
    public async Task AddIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken) || await db.Products.AnyAsync(cancellationToken))
            return;

        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var account in Accounts)
            accounts[account.Email] = await CreateAccountAsync(account);
        foreach (var role in StaffRoles.All)
        {
            await CreateRoleAsync(role);
            Succeeded(await users.AddToRoleAsync(accounts[Staff.Email], role.Name), $"add {Staff.Email} to {role.Name}");
        }

        var tags = DemoTags.ToDictionary(t => t.Slug, t => new Tag { Name = t.Name, Slug = t.Slug });
        var products = new Dictionary<string, Product>();
        // Spread over the last month, so that "newest first" means something.
        var createdAt = DateTime.UtcNow.AddDays(-Catalog.Sum(c => c.Products.Length) - 1);
        foreach (var demoCategory in Catalog)
        {
            var category = new Category { Name = demoCategory.Name, Slug = Slugs.From(demoCategory.Name), Description = demoCategory.Description };
            db.Categories.Add(category);
            for (var number = 1; number <= demoCategory.Products.Length; number++)
            {
                var demo = demoCategory.Products[number - 1];
                createdAt = createdAt.AddDays(1);
                products[demo.Name] = new Product
                {
                    Name = demo.Name,
                    Slug = Slugs.From(demo.Name),
                    Sku = $"{demoCategory.SkuPrefix}-{number:000}",
                    Description = demo.Description,
                    Price = demo.Price,
                    Stock = demo.Stock,
                    IsActive = demo.IsActive,
                    Category = category,
                    Tags = [.. demo.Tags.Select(slug => tags[slug])],
                    CreatedAt = createdAt,
                    UpdatedAt = createdAt,
                };
            }
        }
        db.Products.AddRange(products.Values);
        foreach (var product in products.Values)
        {
            var card = await DemoImages.StoreCardAsync(images, product.Name, cancellationToken);
            db.ProductImages.Add(new ProductImage
            {
                Product = product, ImageKey = card.Key!, Width = card.Width, Height = card.Height,
                AltText = $"{product.Name}: a picture with its initials", IsPrimary = true,
            });
        }

        var customer = accounts[Customer.Email];
        foreach (var review in Reviews)
        {
            var product = products[review.Product];
            db.Reviews.Add(new Review
            {
                Product = product,
                AuthorId = customer.Id,
                Rating = review.Rating,
                Title = review.Title,
                Body = review.Body,
                IsApproved = review.IsApproved,
                CreatedAt = product.CreatedAt.AddHours(20),
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation(
            "Added demo data: {Products} products in {Categories} categories. Log in as {Admin} / {AdminPassword} (superuser), "
            + "{Staff} / {StaffPassword} (staff) or {Customer} / {CustomerPassword} (customer).",
            products.Count, Catalog.Length, Admin.Email, Admin.Password, Staff.Email, Staff.Password, Customer.Email, Customer.Password);
    }

    private async Task CreateRoleAsync(StaffRoles.StaffRole staffRole)
    {
        var role = new IdentityRole(staffRole.Name);
        Succeeded(await roles.CreateAsync(role), $"create the role {staffRole.Name}");
        foreach (var permission in staffRole.Permissions)
            Succeeded(await roles.AddClaimAsync(role, new Claim(PermissionNames.ClaimType, permission)), $"grant {permission}");
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo data: could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private async Task<ApplicationUser> CreateAccountAsync(DemoAccount account)
    {
        var user = new ApplicationUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            IsStaff = account.IsStaff,
            IsSuperuser = account.IsSuperuser,
        };
        var result = await users.CreateAsync(user, account.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        return user;
    }
}
