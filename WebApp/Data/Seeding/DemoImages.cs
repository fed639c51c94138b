using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using WebApp.Media;

namespace WebApp.Data.Seeding;

/// <summary>
/// Pictures for the demo catalog, drawn at seed time (nothing is downloaded): a card in a colour of its own with up to
/// two initials, each letter built from the squares of a 5 × 7 pixel font, so no font or drawing library is needed.
/// </summary>
internal static class DemoImages
{
    public const int Width = 640;
    public const int Height = 480;
    private const int Cell = 40; // one font pixel, in image pixels

    /// <summary>Draws the card for <paramref name="name"/> and stores it in every size.</summary>
    public static async Task<ImageUploadResult> StoreCardAsync(ImageUploads uploads, string name, CancellationToken cancellationToken)
    {
        using var card = Card(name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("demo-card:" + name)), 0, 16);
        return await uploads.StoreAsync(card, hash, cancellationToken);
    }

    public static Image<Rgba32> Card(string name)
    {
        var hue = Encoding.UTF8.GetBytes(name).Aggregate(17, (h, b) => h * 31 + b) & 0x7fffffff;
        var background = FromHue(hue % 360, 0.45, 0.42);
        var image = new Image<Rgba32>(Width, Height, background);
        var initials = Initials(name);
        var textWidth = initials.Length * 5 * Cell + (initials.Length - 1) * Cell;
        var left = (Width - textWidth) / 2;
        var top = (Height - 7 * Cell) / 2;
        foreach (var letter in initials)
        {
            var rows = Glyphs[letter];
            for (var row = 0; row < 7; row++)
            for (var column = 0; column < 5; column++)
            {
                if (rows[row][column] != '#') continue;
                Fill(image, left + column * Cell, top + row * Cell, Cell, Cell, new Rgba32(255, 255, 255));
            }
            left += 6 * Cell;
        }
        return image;
    }

    private static string Initials(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]))
            .Where(Glyphs.ContainsKey)
            .Take(2)
            .ToArray();
        return letters.Length == 0 ? "?" : new string(letters);
    }

    private static void Fill(Image<Rgba32> image, int x, int y, int width, int height, Rgba32 colour)
    {
        image.ProcessPixelRows(pixels =>
        {
            for (var row = y; row < y + height; row++)
                pixels.GetRowSpan(row).Slice(x, width).Fill(colour);
        });
    }

    private static Rgba32 FromHue(int hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60.0 % 2 - 1));
        var m = lightness - chroma / 2;
        var (r, g, b) = (hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return new Rgba32((byte)((r + m) * 255), (byte)((g + m) * 255), (byte)((b + m) * 255));
    }

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
        ['0'] = [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
        ['1'] = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ['7'] = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        ['9'] = [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
        ['?'] = [".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."],
    };
}
