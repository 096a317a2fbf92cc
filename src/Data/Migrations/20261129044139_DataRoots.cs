using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataRoots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AddedDataRoots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AddedDataRoots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AddedDataRoots_Path",
                table: "AddedDataRoots",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AddedDataRoots");
        }
    }
}
