using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Api;
using WebApp.Cart;
using WebApp.Contact;
using WebApp.Data;
using WebApp.Management;
using WebApp.Media;
using WebApp.Operations;
using WebApp.Site;

var command = ManagementCommands.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);

builder.AddAppDatabase();
builder.AddKeyRing();
builder.AddAccounts();
builder.AddSite();
builder.AddMedia();
builder.AddShop();
builder.AddContact();
builder.AddAdmin();
builder.AddApi();
builder.AddOperations();
builder.AddMetrics();
builder.AddSharedCache();

var app = builder.Build();

if (command is not null)
    return await command.RunAsync(app.Services);

await app.PrepareDatabaseAsync();
app.UseOperations();
app.UseMetrics();
app.UseSite();
app.UseMedia();
app.UseAccounts();
app.UseAdmin();
app.UseApi();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
