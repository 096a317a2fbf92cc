using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExtractionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    DatasetPath = table.Column<string>(type: "TEXT", nullable: false),
                    OutputDirectory = table.Column<string>(type: "TEXT", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CellSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PatchSize = table.Column<int>(type: "INTEGER", nullable: false),
                    TumorFraction = table.Column<double>(type: "REAL", nullable: false),
                    NormalPerTumor = table.Column<double>(type: "REAL", nullable: false),
                    TumorSlideThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtractionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RunSlides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExtractionRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SlidePath = table.Column<string>(type: "TEXT", nullable: false),
                    MaskPath = table.Column<string>(type: "TEXT", nullable: true),
                    AnnotationPath = table.Column<string>(type: "TEXT", nullable: true),
                    Width = table.Column<long>(type: "INTEGER", nullable: false),
                    Height = table.Column<long>(type: "INTEGER", nullable: false),
                    GridWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    GridHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    TissueCells = table.Column<int>(type: "INTEGER", nullable: false),
                    TumorCells = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalCells = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Split = table.Column<string>(type: "TEXT", nullable: false),
                    TumorExtracted = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalExtracted = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunSlides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunSlides_ExtractionRuns_ExtractionRunId",
                        column: x => x.ExtractionRunId,
                        principalTable: "ExtractionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Patches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExtractionRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunSlideId = table.Column<int>(type: "INTEGER", nullable: false),
                    X = table.Column<int>(type: "INTEGER", nullable: false),
                    Y = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: false),
                    Split = table.Column<string>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    Offset = table.Column<long>(type: "INTEGER", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Patches_ExtractionRuns_ExtractionRunId",
                        column: x => x.ExtractionRunId,
                        principalTable: "ExtractionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Patches_RunSlides_RunSlideId",
                        column: x => x.RunSlideId,
                        principalTable: "RunSlides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExtractionRuns_CreatedAt",
                table: "ExtractionRuns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Patches_ExtractionRunId_Split_Label",
                table: "Patches",
                columns: new[] { "ExtractionRunId", "Split", "Label" });

            migrationBuilder.CreateIndex(
                name: "IX_Patches_RunSlideId_X_Y",
                table: "Patches",
                columns: new[] { "RunSlideId", "X", "Y" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RunSlides_ExtractionRunId_Name",
                table: "RunSlides",
                columns: new[] { "ExtractionRunId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Patches");

            migrationBuilder.DropTable(
                name: "RunSlides");

            migrationBuilder.DropTable(
                name: "ExtractionRuns");
        }
    }
}
