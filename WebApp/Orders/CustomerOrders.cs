using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Orders;

/// <summary>A customer's own orders. Every query filters by customer, so nobody reads another's order by its number.</summary>
public sealed class CustomerOrders(AppDbContext db, AutoMapper.IConfigurationProvider mapping)
{
    public const int PageSize = 10;

    public Task<OrderPage> ListAsync(string customerId, int page, CancellationToken cancellationToken) =>
        ListAsync(customerId, page, PageSize, cancellationToken);

    /// <summary>One page of <paramref name="pageSize"/> orders, newest first; a page past the end gives the last page.</summary>
    public async Task<OrderPage> ListAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = db.Orders.Where(o => o.CustomerId == customerId);
        var total = await mine.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var orders = await mine.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ProjectTo<OrderSummaryView>(mapping)
            .ToListAsync(cancellationToken);
        return new OrderPage(orders, page, pageCount, total);
    }

    public async Task<OrderDetailsView?> FindAsync(string customerId, string number, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsWellFormed(number)) return null;
        return await db.Orders.Where(o => o.Number == number && o.CustomerId == customerId)
            .ProjectTo<OrderDetailsView>(mapping)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
    }
}
