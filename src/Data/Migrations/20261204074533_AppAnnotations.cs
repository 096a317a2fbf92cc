using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppAnnotations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnnotationsHash",
                table: "RunSlides",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UseAppAnnotations",
                table: "RegisteredSlides",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AnnotationsHash",
                table: "EvaluationSlides",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SlideAnnotations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegisteredSlideId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeatureId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlideAnnotations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlideAnnotations_RegisteredSlides_RegisteredSlideId",
                        column: x => x.RegisteredSlideId,
                        principalTable: "RegisteredSlides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlideAnnotations_RegisteredSlideId_FeatureId",
                table: "SlideAnnotations",
                columns: new[] { "RegisteredSlideId", "FeatureId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlideAnnotations");

            migrationBuilder.DropColumn(
                name: "AnnotationsHash",
                table: "RunSlides");

            migrationBuilder.DropColumn(
                name: "UseAppAnnotations",
                table: "RegisteredSlides");

            migrationBuilder.DropColumn(
                name: "AnnotationsHash",
                table: "EvaluationSlides");
        }
    }
}
