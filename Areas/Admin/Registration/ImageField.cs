namespace WebApp.Admin;

/// <summary>
/// Django's <c>ImageField</c> with the admin's file widget: the current image as a thumbnail linking to the full size,
/// a file input to replace it and, unless <see cref="Required"/>, a "Clear" box (posted as <c>{Name}-clear</c>). The
/// registration says where the image lives and how an upload is checked and stored; the engine calls
/// <see cref="StoreAsync"/> only once every other field is valid, so a form with errors stores no file.
/// The form posts multipart/form-data while it has an image field.
/// </summary>
public abstract class ImageField<T>(string name, string label) : ExtraField(name, label) where T : class
{
    internal sealed override WidgetKind Widget => WidgetKind.Image;

    /// <summary>The object must have an image: no "Clear" box, and a new object needs an upload.</summary>
    public bool Required { get; init; }

    /// <summary>The object's image now, or null when it has none.</summary>
    public abstract AdminImage? Current(T obj);

    /// <summary>
    /// Checks the upload by its content and stores it, pointing the object at it. A refusal returns the message shown
    /// beside the field, with nothing stored and the object unchanged.
    /// </summary>
    public abstract Task<string?> StoreAsync(AdminObjectContext<T> context, IFormFile upload, CancellationToken cancellationToken);

    /// <summary>Takes the image off the object (the "Clear" box); the stored files stay, as in Django.</summary>
    public abstract void Clear(T obj);
}
