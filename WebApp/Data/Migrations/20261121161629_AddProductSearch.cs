using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations
{
    /// <summary>
    /// SQLite only: the full-text index "ProductSearch" of product names, SKUs and descriptions (FTS5, trigram tokens, so
    /// that it finds any substring of 3 characters or more), kept outside the EF model and in step with "Products" by
    /// triggers. See <see cref="ProductSearchIndex"/>. A later provider brings its own index (pg_trgm on PostgreSQL).
    /// Keep this migration when InitialCreate is written anew, and after any migration that rebuilds "Products"
    /// (SQLite drops a table's triggers with it), create the triggers again.
    /// </summary>
    public partial class AddProductSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;

            // External content: the index keeps only its trigrams and reads the text from "Products".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
                    "Name", "Sku", "Description",
                    content='Products', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProductSearch_AfterInsert" AFTER INSERT ON "Products" BEGIN
                    INSERT INTO "ProductSearch" (rowid, "Name", "Sku", "Description")
                    VALUES (new."Id", new."Name", new."Sku", new."Description");
                END;
                """);
            // An external-content index forgets a row by being told the text it indexed.
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProductSearch_AfterDelete" AFTER DELETE ON "Products" BEGIN
                    INSERT INTO "ProductSearch" ("ProductSearch", rowid, "Name", "Sku", "Description")
                    VALUES ('delete', old."Id", old."Name", old."Sku", old."Description");
                END;
                """);
            // Only when searched text changes: stock and price updates leave the index alone.
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProductSearch_AfterUpdate" AFTER UPDATE OF "Id", "Name", "Sku", "Description" ON "Products" BEGIN
                    INSERT INTO "ProductSearch" ("ProductSearch", rowid, "Name", "Sku", "Description")
                    VALUES ('delete', old."Id", old."Name", old."Sku", old."Description");
                    INSERT INTO "ProductSearch" (rowid, "Name", "Sku", "Description")
                    VALUES (new."Id", new."Name", new."Sku", new."Description");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ProductSearch" ("ProductSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;

            migrationBuilder.Sql("""DROP TRIGGER "ProductSearch_AfterUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "ProductSearch_AfterDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ProductSearch_AfterInsert";""");
            migrationBuilder.Sql("""DROP TABLE "ProductSearch";""");
        }
    }
}
