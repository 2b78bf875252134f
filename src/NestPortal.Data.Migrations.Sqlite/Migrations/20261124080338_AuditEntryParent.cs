using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditEntryParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentType",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ParentType_ParentId_Id",
                table: "AuditEntries",
                columns: new[] { "ParentType", "ParentId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ParentType_ParentId_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ParentType",
                table: "AuditEntries");
        }
    }
}
