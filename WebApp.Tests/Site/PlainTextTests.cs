using WebApp.Site;

namespace WebApp.Tests.Site;

public class PlainTextTests
{
    [Fact]
    public void Splits_paragraphs_on_blank_lines_and_keeps_line_breaks()
    {
        var paragraphs = PlainText.Paragraphs("One\r\nTwo  \n\n \n\nThree\n");

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(["One", "Two"], paragraphs[0]);
        Assert.Equal(["Three"], paragraphs[1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void Blank_text_has_no_paragraphs(string? text) => Assert.Empty(PlainText.Paragraphs(text));
}
