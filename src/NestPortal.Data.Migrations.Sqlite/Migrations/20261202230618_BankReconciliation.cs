using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BankReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Landlord_Iban",
                table: "Sponsorships",
                type: "TEXT",
                unicode: false,
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Landlord_Name",
                table: "Sponsorships",
                type: "TEXT",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Landlord_Reference",
                table: "Sponsorships",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrusteeName",
                table: "Sponsorships",
                type: "TEXT",
                maxLength: 140,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BankStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Iban = table.Column<string>(type: "TEXT", unicode: false, maxLength: 34, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpeningBalance = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ClosingBalance = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ClosingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntriesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    EntriesAlreadyKnown = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankStatements_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BankEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    BankStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    BookingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsReversal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounterpartyName = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    CounterpartyIban = table.Column<string>(type: "TEXT", unicode: false, maxLength: 34, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    EndToEndId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankEntries_BankStatements_BankStatementId",
                        column: x => x.BankStatementId,
                        principalTable: "BankStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BankEntries_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BankMatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    BankEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    EscrowEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankMatches_BankEntries_BankEntryId",
                        column: x => x.BankEntryId,
                        principalTable: "BankEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BankMatches_EscrowEntries_EscrowEntryId",
                        column: x => x.EscrowEntryId,
                        principalTable: "EscrowEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BankMatches_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BankWaivers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    EscrowEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    BankEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankWaivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankWaivers_BankEntries_BankEntryId",
                        column: x => x.BankEntryId,
                        principalTable: "BankEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BankWaivers_EscrowEntries_EscrowEntryId",
                        column: x => x.EscrowEntryId,
                        principalTable: "EscrowEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BankWaivers_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BankEntries_BankStatementId",
                table: "BankEntries",
                column: "BankStatementId");

            migrationBuilder.CreateIndex(
                name: "IX_BankEntries_SponsorshipId_EntryKey",
                table: "BankEntries",
                columns: new[] { "SponsorshipId", "EntryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BankMatches_BankEntryId",
                table: "BankMatches",
                column: "BankEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BankMatches_EscrowEntryId",
                table: "BankMatches",
                column: "EscrowEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_BankMatches_SponsorshipId",
                table: "BankMatches",
                column: "SponsorshipId");

            migrationBuilder.CreateIndex(
                name: "IX_BankStatements_SponsorshipId_ClosingDate",
                table: "BankStatements",
                columns: new[] { "SponsorshipId", "ClosingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_BankWaivers_BankEntryId",
                table: "BankWaivers",
                column: "BankEntryId",
                unique: true,
                filter: "[BankEntryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BankWaivers_EscrowEntryId",
                table: "BankWaivers",
                column: "EscrowEntryId",
                unique: true,
                filter: "[EscrowEntryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BankWaivers_SponsorshipId",
                table: "BankWaivers",
                column: "SponsorshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankMatches");

            migrationBuilder.DropTable(
                name: "BankWaivers");

            migrationBuilder.DropTable(
                name: "BankEntries");

            migrationBuilder.DropTable(
                name: "BankStatements");

            migrationBuilder.DropColumn(
                name: "Landlord_Iban",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "Landlord_Name",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "Landlord_Reference",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "TrusteeName",
                table: "Sponsorships");
        }
    }
}
