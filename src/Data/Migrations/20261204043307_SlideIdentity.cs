using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <summary>Slide content identity, the dataset's tumour-slide threshold, who set a role, and the run's split fractions (0.2 each, the defaults, for runs made before).</summary>
    public partial class SlideIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "RunSlides",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "RegisteredSlides",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RoleSetByUser",
                table: "RegisteredSlides",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "TestFraction",
                table: "ExtractionRuns",
                type: "REAL",
                nullable: false,
                defaultValue: 0.2);

            migrationBuilder.AddColumn<double>(
                name: "ValidationFraction",
                table: "ExtractionRuns",
                type: "REAL",
                nullable: false,
                defaultValue: 0.2);

            migrationBuilder.AddColumn<int>(
                name: "TumorSlideThreshold",
                table: "Datasets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "RunSlides");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "RegisteredSlides");

            migrationBuilder.DropColumn(
                name: "RoleSetByUser",
                table: "RegisteredSlides");

            migrationBuilder.DropColumn(
                name: "TestFraction",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "ValidationFraction",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "TumorSlideThreshold",
                table: "Datasets");
        }
    }
}
