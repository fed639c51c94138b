namespace WebApp.Admin;

/// <summary>An image field's current value: the thumbnail shown on the form, the full-size address and a name for it.</summary>
public sealed record AdminImage(string ThumbnailUrl, string Url, string Name);
