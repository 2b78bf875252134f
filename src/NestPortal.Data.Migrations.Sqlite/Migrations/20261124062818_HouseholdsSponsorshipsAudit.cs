using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdsSponsorshipsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ExpectedArrival = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SpecialNeedsNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsMatched = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllocatedMunicipalityAgs = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    FirstArrival = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PrincipalName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Municipalities_AllocatedMunicipalityAgs",
                        column: x => x.AllocatedMunicipalityAgs,
                        principalTable: "Municipalities",
                        principalColumn: "Ags",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Allocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityAgs = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocations_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Allocations_Municipalities_MunicipalityAgs",
                        column: x => x.MunicipalityAgs,
                        principalTable: "Municipalities",
                        principalColumn: "Ags",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Refugees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NationalityCode = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 2, nullable: false),
                    FirstRefugeCountryCode = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 2, nullable: false),
                    AdmissionDecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdmissionDecisionReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VisaDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ArrivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartureReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DepartureNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refugees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refugees_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sponsorships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Apartment_Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Apartment_PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Apartment_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Apartment_MunicipalityAgs = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Apartment_LivingSpaceSquareMetres = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    Apartment_Rooms = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Apartment_MonthlyNetColdRent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Apartment_LeaseStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Apartment_OwnedByGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscrowAccount_AccountHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EscrowAccount_Iban = table.Column<string>(type: "TEXT", unicode: false, maxLength: 34, nullable: false),
                    EscrowAccount_BankName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RentMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RentFirstMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RentEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatchedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MatchedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sponsorships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_MentoringGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "MentoringGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Municipalities_Apartment_MunicipalityAgs",
                        column: x => x.Apartment_MunicipalityAgs,
                        principalTable: "Municipalities",
                        principalColumn: "Ags",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_HouseholdId",
                table: "Allocations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_MunicipalityAgs",
                table: "Allocations",
                column: "MunicipalityAgs");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_Id",
                table: "AuditEntries",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_AllocatedMunicipalityAgs_ExpectedArrival",
                table: "Households",
                columns: new[] { "AllocatedMunicipalityAgs", "ExpectedArrival" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_FirstArrival_Id",
                table: "Households",
                columns: new[] { "FirstArrival", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_PrincipalName_Id",
                table: "Households",
                columns: new[] { "PrincipalName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Reference",
                table: "Households",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_Status_Id",
                table: "Households",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Refugees_FamilyName",
                table: "Refugees",
                column: "FamilyName");

            migrationBuilder.CreateIndex(
                name: "IX_Refugees_HouseholdId",
                table: "Refugees",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_Apartment_MunicipalityAgs",
                table: "Sponsorships",
                column: "Apartment_MunicipalityAgs");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_GroupId_Running",
                table: "Sponsorships",
                column: "GroupId",
                unique: true,
                filter: "[Status] = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_HouseholdId",
                table: "Sponsorships",
                column: "HouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_RentEndsOn",
                table: "Sponsorships",
                column: "RentEndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_RuleSetId",
                table: "Sponsorships",
                column: "RuleSetId");

            // The audit log is append-only, in the database too (ADR 0006).
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'Audit entries are immutable.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'Audit entries are immutable.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");

            migrationBuilder.DropTable(
                name: "Allocations");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Refugees");

            migrationBuilder.DropTable(
                name: "Sponsorships");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
