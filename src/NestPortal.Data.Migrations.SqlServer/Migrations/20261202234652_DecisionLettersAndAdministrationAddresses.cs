using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DecisionLettersAndAdministrationAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdministrationAddress_Addressee",
                table: "Municipalities",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdministrationAddress_City",
                table: "Municipalities",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdministrationAddress_Postcode",
                table: "Municipalities",
                type: "nvarchar(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdministrationAddress_Street",
                table: "Municipalities",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FunctionalMailbox",
                table: "Municipalities",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AllocationId = table.Column<int>(type: "int", nullable: true),
                    HouseholdId = table.Column<int>(type: "int", nullable: true),
                    GroupId = table.Column<int>(type: "int", nullable: true),
                    AddresseeAgs = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_Allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "Allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Letters_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_MentoringGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "MentoringGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Municipalities_AddresseeAgs",
                        column: x => x.AddresseeAgs,
                        principalTable: "Municipalities",
                        principalColumn: "Ags",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_AddresseeAgs",
                table: "Letters",
                column: "AddresseeAgs");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_AllocationId",
                table: "Letters",
                column: "AllocationId",
                unique: true,
                filter: "[AllocationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_GroupId",
                table: "Letters",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_HouseholdId",
                table: "Letters",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropColumn(
                name: "AdministrationAddress_Addressee",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AdministrationAddress_City",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AdministrationAddress_Postcode",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AdministrationAddress_Street",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "FunctionalMailbox",
                table: "Municipalities");
        }
    }
}
