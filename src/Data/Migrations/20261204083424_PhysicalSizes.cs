using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhysicalSizes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CellMicrons",
                table: "ExtractionRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Mpp",
                table: "ExtractionRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PatchMicrons",
                table: "ExtractionRuns",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CellMicrons",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "Mpp",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "PatchMicrons",
                table: "ExtractionRuns");
        }
    }
}
