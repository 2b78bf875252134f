using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DatabaseHeartbeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DatabaseHeartbeats",
                columns: table => new
                {
                    Instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseHeartbeats", x => x.Instance);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatabaseHeartbeats");
        }
    }
}
