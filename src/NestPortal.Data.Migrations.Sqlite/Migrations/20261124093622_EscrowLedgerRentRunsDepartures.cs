using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContinuedSupportBy",
                table: "Sponsorships",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EscrowBalance",
                table: "Sponsorships",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "EscrowShortfall",
                table: "Sponsorships",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReadyForArrivalOn",
                table: "Sponsorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RentEndNoticeSentOn",
                table: "Sponsorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RentPeriodCompletedOn",
                table: "Sponsorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupportCompletedOn",
                table: "Sponsorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeavingReason",
                table: "Mentors",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "Mentors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DissolutionReason",
                table: "MentoringGroups",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DissolvedOn",
                table: "MentoringGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscrowEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RentMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RentPaymentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    CorrectsEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RentChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonthlyNetColdRent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaidThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountsChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    Payments = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountPaid = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Refunds = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountRefunded = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    SponsorshipsCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureReport = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
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
            foreach (var table in new[] { "EscrowEntries", "RentChanges" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are immutable.'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are immutable.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "EscrowEntries", "RentChanges" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
            }

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
