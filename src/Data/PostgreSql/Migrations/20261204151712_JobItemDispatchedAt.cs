using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorWeb.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class JobItemDispatchedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DispatchedAt",
                table: "JobItems",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DispatchedAt",
                table: "JobItems");
        }
    }
}
