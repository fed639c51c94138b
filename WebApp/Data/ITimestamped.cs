namespace WebApp.Data;

/// <summary>An entity whose CreatedAt/UpdatedAt the context stamps on every save.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
