namespace WebApp.Admin;

/// <summary>A box on the change page beside the form: lines of text (each optionally a link) and buttons that POST.</summary>
public sealed record ChangeFormPanel(string Title, IReadOnlyList<ChangeFormPanel.Line> Lines, IReadOnlyList<ChangeFormPanel.Button> Buttons)
{
    /// <summary>Text, with <see cref="LinkText"/> after it linking to <see cref="Url"/> when both are set.</summary>
    public sealed record Line(string Text, string? LinkText = null, string? Url = null);

    /// <summary>A button in its own small POST form (with the antiforgery token) to one of the admin's URLs.</summary>
    public sealed record Button(string Label, string PostUrl, bool Danger = false);
}
