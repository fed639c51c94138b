using System.ComponentModel.DataAnnotations;

namespace WebApp.Orders;

/// <summary>One step of an order's history: who moved it from which status to which, and when.</summary>
public class OrderStatusChange
{
    public int Id { get; set; }

    public int OrderId { get; set; }
    public Order? Order { get; set; }

    [Display(Name = "From")]
    public OrderStatus? FromStatus { get; set; }

    [Display(Name = "To")]
    public OrderStatus ToStatus { get; set; }

    [Required, StringLength(256)]
    [Display(Name = "By", Description = "The customer, staff member or process that made the change.")]
    public string Actor { get; set; } = "";

    [Display(Name = "When")]
    public DateTime ChangedAt { get; set; }

    public override string ToString() => $"{FromStatus?.ToString() ?? "New"} → {ToStatus}";
}
