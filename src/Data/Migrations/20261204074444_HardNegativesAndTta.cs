using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <inheritdoc />
    public partial class HardNegativesAndTta : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Derivation",
                table: "ExtractionRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DerivedFromRunId",
                table: "ExtractionRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Tta",
                table: "EvaluationRuns",
                type: "INTEGER",
                nullable: false,
                // Runs evaluated before test-time augmentation existed scored each patch once.
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Derivation",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "DerivedFromRunId",
                table: "ExtractionRuns");

            migrationBuilder.DropColumn(
                name: "Tta",
                table: "EvaluationRuns");
        }
    }
}
