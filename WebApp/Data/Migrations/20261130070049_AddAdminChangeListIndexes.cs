using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAdminChangeListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tags_Name_Id",
                table: "Tags",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_CreatedAt_Id",
                table: "Reviews",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_IsApproved_CreatedAt_Id",
                table: "Reviews",
                columns: new[] { "IsApproved", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_CreatedAt",
                table: "Products",
                columns: new[] { "CategoryId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name_Id",
                table: "Products",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Price_Id",
                table: "Products",
                columns: new[] { "Price", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Stock_Id",
                table: "Products",
                columns: new[] { "Stock", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tags_Name_Id",
                table: "Tags");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_CreatedAt_Id",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_IsApproved_CreatedAt_Id",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_CreatedAt",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Price_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Stock_Id",
                table: "Products");
        }
    }
}
