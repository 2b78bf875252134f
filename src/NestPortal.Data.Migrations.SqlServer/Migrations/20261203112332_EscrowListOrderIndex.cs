using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EscrowListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ListOrderGroup",
                table: "Sponsorships",
                type: "int",
                nullable: false,
                computedColumnSql: "CASE WHEN Status = 'Running' THEN 0 ELSE 2 END + CASE WHEN RentEndsOn IS NULL THEN 1 ELSE 0 END",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_PendingImportId_ListOrderGroup_RentEndsOn_Id",
                table: "Sponsorships",
                columns: new[] { "PendingImportId", "ListOrderGroup", "RentEndsOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sponsorships_PendingImportId_ListOrderGroup_RentEndsOn_Id",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "ListOrderGroup",
                table: "Sponsorships");
        }
    }
}
