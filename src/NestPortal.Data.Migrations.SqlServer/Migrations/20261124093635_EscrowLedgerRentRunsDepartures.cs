using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EscrowLedgerRentRunsDepartures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Sponsorships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContinuedSupportBy",
                table: "Sponsorships",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EscrowBalance",
                table: "Sponsorships",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "EscrowShortfall",
                table: "Sponsorships",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReadyForArrivalOn",
                table: "Sponsorships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RentEndNoticeSentOn",
                table: "Sponsorships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RentPeriodCompletedOn",
                table: "Sponsorships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupportCompletedOn",
                table: "Sponsorships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeavingReason",
                table: "Mentors",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "Mentors",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DissolutionReason",
                table: "MentoringGroups",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DissolvedOn",
                table: "MentoringGroups",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscrowEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SponsorshipId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RentMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    RentPaymentNumber = table.Column<int>(type: "int", nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(140)", maxLength: 140, nullable: false),
                    CorrectsEntryId = table.Column<int>(type: "int", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscrowEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscrowEntries_EscrowEntries_CorrectsEntryId",
                        column: x => x.CorrectsEntryId,
                        principalTable: "EscrowEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EscrowEntries_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    To = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RentChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SponsorshipId = table.Column<int>(type: "int", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthlyNetColdRent = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RentChanges_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RentRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PaidThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AccountsChecked = table.Column<int>(type: "int", nullable: false),
                    Payments = table.Column<int>(type: "int", nullable: false),
                    AmountPaid = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false),
                    Refunds = table.Column<int>(type: "int", nullable: false),
                    AmountRefunded = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false),
                    SponsorshipsCompleted = table.Column<int>(type: "int", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    FailureReport = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RentRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_Status_Id",
                table: "Sponsorships",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EscrowEntries_CorrectsEntryId",
                table: "EscrowEntries",
                column: "CorrectsEntryId",
                unique: true,
                filter: "[CorrectsEntryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EscrowEntries_IdempotencyKey",
                table: "EscrowEntries",
                column: "IdempotencyKey",
                unique: true,
                filter: "[IdempotencyKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EscrowEntries_RentMonth",
                table: "EscrowEntries",
                columns: new[] { "SponsorshipId", "RentMonth", "RentPaymentNumber" },
                unique: true,
                filter: "[RentMonth] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EscrowEntries_SponsorshipId_Id",
                table: "EscrowEntries",
                columns: new[] { "SponsorshipId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAtUtc_NextAttemptAtUtc",
                table: "OutgoingMails",
                columns: new[] { "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RentChanges_SponsorshipId",
                table: "RentChanges",
                column: "SponsorshipId");

            migrationBuilder.CreateIndex(
                name: "IX_RentRuns_StartedAtUtc",
                table: "RentRuns",
                column: "StartedAtUtc");

            // The escrow ledger is append-only, in the database too, like the audit log (ADR 0007).
            // EXEC: CREATE TRIGGER must open its batch. AFTER, not INSTEAD OF: SQL Server refuses an
            // INSTEAD OF DELETE trigger on a table whose foreign key cascades (error 2113); THROW in an
            // AFTER trigger rolls the statement back all the same.
            foreach (var table in new[] { "EscrowEntries", "RentChanges" })
                migrationBuilder.Sql($"EXEC(N'CREATE TRIGGER [{table}_Immutable] ON [{table}] AFTER UPDATE, DELETE AS BEGIN THROW 50000, ''{table} are immutable.'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "EscrowEntries", "RentChanges" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS [{table}_Immutable];");

            migrationBuilder.DropTable(
                name: "EscrowEntries");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "RentChanges");

            migrationBuilder.DropTable(
                name: "RentRuns");

            migrationBuilder.DropIndex(
                name: "IX_Sponsorships_Status_Id",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "ContinuedSupportBy",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "EscrowBalance",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "EscrowShortfall",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "ReadyForArrivalOn",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "RentEndNoticeSentOn",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "RentPeriodCompletedOn",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "SupportCompletedOn",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "LeavingReason",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "DissolutionReason",
                table: "MentoringGroups");

            migrationBuilder.DropColumn(
                name: "DissolvedOn",
                table: "MentoringGroups");
        }
    }
}
