using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace WebApp.Admin;

/// <summary>A changelist as a file: its column headers and its rows, read while the response is written.</summary>
internal sealed record ChangeListExport(string FileName, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<string>> Rows)
    : IActionResult
{
    private const int RowsPerFlush = 500;

    /// <summary>
    /// Streams RFC 4180 CSV with CsvHelper. Cells a spreadsheet would run as a formula (starting with =, +, -, @,
    /// tab or CR) are escaped with a leading apostrophe. UTF-8 with a byte order mark, so Excel reads accents.
    /// </summary>
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = FileName }.ToString();

        await using var csv = CsvWriter.Create(response.Body, new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            NewLine = "\r\n",
        }, leaveOpen: true);
        await csv.WriteRecordAsync([.. Headers], cancellationToken);
        var written = 0;
        await foreach (var row in Rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([.. row], cancellationToken);
            if (++written % RowsPerFlush == 0) await csv.FlushAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
