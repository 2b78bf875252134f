using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutreachAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SafeHarbourDeclaredOn",
                table: "Municipalities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataImportFiles",
                columns: table => new
                {
                    DataImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataImportFiles", x => x.DataImportId);
                    table.ForeignKey(
                        name: "FK_DataImportFiles_DataImports_DataImportId",
                        column: x => x.DataImportId,
                        principalTable: "DataImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportedRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DataImportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedRecords_DataImports_DataImportId",
                        column: x => x.DataImportId,
                        principalTable: "DataImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachMunicipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutreachEventId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityAgs = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Informed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachMunicipalities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachMunicipalities_Municipalities_MunicipalityAgs",
                        column: x => x.MunicipalityAgs,
                        principalTable: "Municipalities",
                        principalColumn: "Ags",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachMunicipalities_OutreachEvents_OutreachEventId",
                        column: x => x.OutreachEventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataImports_FileSha256",
                table: "DataImports",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_DataImports_StartedAtUtc",
                table: "DataImports",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_DataImportId",
                table: "ImportedRecords",
                column: "DataImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_Kind_ExternalReference",
                table: "ImportedRecords",
                columns: new[] { "Kind", "ExternalReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_HeldOn",
                table: "OutreachEvents",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachMunicipalities_MunicipalityAgs",
                table: "OutreachMunicipalities",
                column: "MunicipalityAgs");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachMunicipalities_OutreachEventId_MunicipalityAgs",
                table: "OutreachMunicipalities",
                columns: new[] { "OutreachEventId", "MunicipalityAgs" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataImportFiles");

            migrationBuilder.DropTable(
                name: "ImportedRecords");

            migrationBuilder.DropTable(
                name: "OutreachMunicipalities");

            migrationBuilder.DropTable(
                name: "DataImports");

            migrationBuilder.DropTable(
                name: "OutreachEvents");

            migrationBuilder.DropColumn(
                name: "SafeHarbourDeclaredOn",
                table: "Municipalities");
        }
    }
}
