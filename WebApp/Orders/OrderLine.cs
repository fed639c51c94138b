using System.ComponentModel.DataAnnotations;
using WebApp.Catalog;

namespace WebApp.Orders;

public class OrderLine
{
    public int Id { get; set; }

    [Display(Name = "Order")]
    public int OrderId { get; set; }
    public Order? Order { get; set; }

    [Display(Name = "Product")]
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    [Required, StringLength(200)]
    [Display(Name = "Product name", Description = "As it was when the order was placed.")]
    public string ProductName { get; set; } = "";

    [Required, StringLength(40)]
    [Display(Name = "SKU", Description = "As it was when the order was placed.")]
    public string ProductSku { get; set; } = "";

    [Range(typeof(decimal), "0", "99999999.99")]
    [DataType(DataType.Currency)]
    [Display(Name = "Unit price")]
    public decimal UnitPrice { get; set; }

    [Range(1, 10000, ErrorMessage = "Quantity must be at least 1.")]
    public int Quantity { get; set; } = 1;

    public decimal LineTotal => UnitPrice * Quantity;

    public override string ToString() => $"{Quantity} × {ProductName}";
}
