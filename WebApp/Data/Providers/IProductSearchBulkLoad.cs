namespace WebApp.Data.Providers;

/// <summary>A bulk load in progress, with the search index's upkeep suspended.</summary>
internal interface IProductSearchBulkLoad
{
    /// <summary>Indexes every product afresh, then resumes the upkeep for later changes.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
