namespace WebApp.Data;

public static class DatabaseStartup
{
    /// <summary>In Development: apply migrations and give an empty database its demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseProviders.MigrateAsync(db);
    }
}
