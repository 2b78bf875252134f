using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MemberInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAtUtc",
                table: "Mentors",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitationTokenHash",
                table: "Mentors",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAtUtc",
                table: "Mentors",
                type: "datetime2",
                nullable: true);

            // Edited by hand: members from before invitations existed count as confirmed (ADR 0028); the
            // default only fills the existing rows, every new row is written with its own value.
            migrationBuilder.AddColumn<bool>(
                name: "IsConfirmed",
                table: "Mentors",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_InvitationTokenHash",
                table: "Mentors",
                column: "InvitationTokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentors_InvitationTokenHash",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "ConfirmedAtUtc",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "InvitationTokenHash",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "InvitedAtUtc",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "IsConfirmed",
                table: "Mentors");
        }
    }
}
