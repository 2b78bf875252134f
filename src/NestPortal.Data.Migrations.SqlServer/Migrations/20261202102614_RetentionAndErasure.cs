using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RetentionAndErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgeAtArrival",
                table: "Refugees",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Refugees",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Mentors",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberDataErasedOn",
                table: "MentoringGroups",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Households",
                type: "date",
                nullable: true);

            // The age at arrival of every person already recorded.
            migrationBuilder.Sql("""
                UPDATE [Refugees] SET [AgeAtArrival] =
                    YEAR([ArrivedOn]) - YEAR([DateOfBirth])
                    - CASE WHEN MONTH([ArrivedOn]) * 100 + DAY([ArrivedOn]) < MONTH([DateOfBirth]) * 100 + DAY([DateOfBirth]) THEN 1 ELSE 0 END
                WHERE [ArrivedOn] IS NOT NULL;
                """);

            // The audit log forgets personal values already written (ADR 0014): the one change the
            // append-only log allows, made by the migration that lifts and restores its guard.
            migrationBuilder.Sql("DISABLE TRIGGER [AuditEntries_Immutable] ON [AuditEntries];");
            migrationBuilder.Sql("""
                UPDATE a SET [Changes] = (
                    SELECT c.[Field],
                           CASE WHEN c.[Old] IS NULL OR c.[Field] IN (N'HouseholdId', N'GroupId') THEN c.[Old] ELSE N'(vertraulich)' END AS [Old],
                           CASE WHEN c.[New] IS NULL OR c.[Field] IN (N'HouseholdId', N'GroupId') THEN c.[New] ELSE N'(vertraulich)' END AS [New]
                    FROM OPENJSON(a.[Changes]) WITH ([Field] nvarchar(400) '$.Field', [Old] nvarchar(max) '$.Old', [New] nvarchar(max) '$.New') AS c
                    FOR JSON PATH, INCLUDE_NULL_VALUES)
                FROM [AuditEntries] AS a
                WHERE a.[Changes] IS NOT NULL AND a.[EntityType] IN (N'Refugee', N'Mentor');
                """);
            migrationBuilder.Sql("""
                UPDATE a SET [Changes] = (
                    SELECT c.[Field],
                           CASE WHEN c.[Old] IS NOT NULL AND c.[Field] IN (N'PrincipalName', N'Apartment.Street', N'SupportPlan', N'ReviewRemarks', N'EscrowAccount.AccountHolder', N'EscrowAccount.Iban', N'ContinuedSupportBy') THEN N'(vertraulich)' ELSE c.[Old] END AS [Old],
                           CASE WHEN c.[New] IS NOT NULL AND c.[Field] IN (N'PrincipalName', N'Apartment.Street', N'SupportPlan', N'ReviewRemarks', N'EscrowAccount.AccountHolder', N'EscrowAccount.Iban', N'ContinuedSupportBy') THEN N'(vertraulich)' ELSE c.[New] END AS [New]
                    FROM OPENJSON(a.[Changes]) WITH ([Field] nvarchar(400) '$.Field', [Old] nvarchar(max) '$.Old', [New] nvarchar(max) '$.New') AS c
                    FOR JSON PATH, INCLUDE_NULL_VALUES)
                FROM [AuditEntries] AS a
                WHERE a.[EntityType] IN (N'Household', N'Sponsorship', N'MentoringGroup')
                  AND (a.[Changes] LIKE N'%"PrincipalName"%' OR a.[Changes] LIKE N'%"Apartment.Street"%' OR a.[Changes] LIKE N'%"SupportPlan"%' OR a.[Changes] LIKE N'%"ReviewRemarks"%' OR a.[Changes] LIKE N'%"EscrowAccount.%' OR a.[Changes] LIKE N'%"ContinuedSupportBy"%');
                """);
            migrationBuilder.Sql("UPDATE [AuditEntries] SET [UserName] = N'Mitglied einer Gruppe' WHERE [Role] = N'Mentor';");
            migrationBuilder.Sql("ENABLE TRIGGER [AuditEntries_Immutable] ON [AuditEntries];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgeAtArrival",
                table: "Refugees");

            migrationBuilder.DropColumn(
                name: "ErasedOn",
                table: "Refugees");

            migrationBuilder.DropColumn(
                name: "ErasedOn",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "MemberDataErasedOn",
                table: "MentoringGroups");

            migrationBuilder.DropColumn(
                name: "ErasedOn",
                table: "Households");
        }
    }
}
