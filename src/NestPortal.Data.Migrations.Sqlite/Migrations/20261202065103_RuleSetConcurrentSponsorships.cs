using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RuleSetConcurrentSponsorships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sponsorships_GroupId_Running",
                table: "Sponsorships");

            migrationBuilder.AddColumn<int>(
                name: "MaxConcurrentSponsorships",
                table: "RuleSets",
                type: "INTEGER",
                nullable: false,
                // Existing rule sets keep the programme's one family at a time.
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_GroupId",
                table: "Sponsorships",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sponsorships_GroupId",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "MaxConcurrentSponsorships",
                table: "RuleSets");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_GroupId_Running",
                table: "Sponsorships",
                column: "GroupId",
                unique: true,
                filter: "[Status] = 'Running'");
        }
    }
}
