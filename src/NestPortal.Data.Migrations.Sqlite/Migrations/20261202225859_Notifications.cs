using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EventKey",
                table: "OutgoingMails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "OutgoingMails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeasedUntilUtc",
                table: "OutgoingMails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "OutgoingMails",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreferredCulture",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PortalMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    LinkPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_EventKey_To",
                table: "OutgoingMails",
                columns: new[] { "EventKey", "To" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalMessages_RecipientKey_EventKey",
                table: "PortalMessages",
                columns: new[] { "RecipientKey", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalMessages_RecipientKey_ReadAtUtc_CreatedAtUtc",
                table: "PortalMessages",
                columns: new[] { "RecipientKey", "ReadAtUtc", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMails_EventKey_To",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "EventKey",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "LeasedUntilUtc",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "TextBody",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "PreferredCulture",
                table: "AspNetUsers");
        }
    }
}
