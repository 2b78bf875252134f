using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RequestId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Reference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ExpectedArrival = table.Column<DateOnly>(type: "date", nullable: true),
                    SpecialNeedsNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsMatched = table.Column<bool>(type: "bit", nullable: false),
                    AllocatedMunicipalityAgs = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    FirstArrival = table.Column<DateOnly>(type: "date", nullable: true),
                    PrincipalName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    MunicipalityAgs = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FileReference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    NationalityCode = table.Column<string>(type: "char(2)", unicode: false, fixedLength: true, maxLength: 2, nullable: false),
                    FirstRefugeCountryCode = table.Column<string>(type: "char(2)", unicode: false, fixedLength: true, maxLength: 2, nullable: false),
                    AdmissionDecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AdmissionDecisionReference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    VisaDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ArrivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DepartureReason = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DepartureNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    HouseholdId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    RuleSetId = table.Column<int>(type: "int", nullable: false),
                    RuleSetReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Apartment_Street = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Apartment_PostalCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Apartment_City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Apartment_MunicipalityAgs = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: false),
                    Apartment_LivingSpaceSquareMetres = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    Apartment_Rooms = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: false),
                    Apartment_MonthlyNetColdRent = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Apartment_LeaseStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Apartment_OwnedByGroup = table.Column<bool>(type: "bit", nullable: false),
                    EscrowAccount_AccountHolder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EscrowAccount_Iban = table.Column<string>(type: "varchar(34)", unicode: false, maxLength: 34, nullable: false),
                    EscrowAccount_BankName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RentMonths = table.Column<int>(type: "int", nullable: false),
                    SupportMonths = table.Column<int>(type: "int", nullable: false),
                    RentFirstMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    RentEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MatchedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MatchedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            // The audit log is append-only, in the database too (ADR 0006). EXEC: CREATE TRIGGER must open its batch.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [AuditEntries_Immutable] ON [AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, ''Audit entries are immutable.'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditEntries_Immutable];");

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
