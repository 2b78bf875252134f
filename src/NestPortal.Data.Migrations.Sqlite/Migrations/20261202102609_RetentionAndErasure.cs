using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Refugees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Mentors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberDataErasedOn",
                table: "MentoringGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ErasedOn",
                table: "Households",
                type: "TEXT",
                nullable: true);

            // The age at arrival of every person already recorded (dates are stored as yyyy-MM-dd).
            migrationBuilder.Sql("""
                UPDATE Refugees SET AgeAtArrival =
                    CAST(substr(ArrivedOn, 1, 4) AS INTEGER) - CAST(substr(DateOfBirth, 1, 4) AS INTEGER)
                    - (CASE WHEN substr(ArrivedOn, 6, 5) < substr(DateOfBirth, 6, 5) THEN 1 ELSE 0 END)
                WHERE ArrivedOn IS NOT NULL;
                """);

            // The audit log forgets personal values already written (ADR 0014): the one change the
            // append-only log allows, made by the migration that lifts and restores its guard.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("""
                UPDATE AuditEntries SET Changes = (
                    SELECT json_group_array(json_object(
                        'Field', json_extract(c.value, '$.Field'),
                        'Old', CASE WHEN json_extract(c.value, '$.Old') IS NULL OR json_extract(c.value, '$.Field') IN ('HouseholdId', 'GroupId')
                                    THEN json_extract(c.value, '$.Old') ELSE '(vertraulich)' END,
                        'New', CASE WHEN json_extract(c.value, '$.New') IS NULL OR json_extract(c.value, '$.Field') IN ('HouseholdId', 'GroupId')
                                    THEN json_extract(c.value, '$.New') ELSE '(vertraulich)' END))
                    FROM json_each(AuditEntries.Changes) AS c)
                WHERE Changes IS NOT NULL AND EntityType IN ('Refugee', 'Mentor');
                """);
            migrationBuilder.Sql("""
                UPDATE AuditEntries SET Changes = (
                    SELECT json_group_array(json_object(
                        'Field', json_extract(c.value, '$.Field'),
                        'Old', CASE WHEN json_extract(c.value, '$.Old') IS NOT NULL AND json_extract(c.value, '$.Field') IN ('PrincipalName', 'Apartment.Street', 'SupportPlan', 'ReviewRemarks', 'EscrowAccount.AccountHolder', 'EscrowAccount.Iban', 'ContinuedSupportBy')
                                    THEN '(vertraulich)' ELSE json_extract(c.value, '$.Old') END,
                        'New', CASE WHEN json_extract(c.value, '$.New') IS NOT NULL AND json_extract(c.value, '$.Field') IN ('PrincipalName', 'Apartment.Street', 'SupportPlan', 'ReviewRemarks', 'EscrowAccount.AccountHolder', 'EscrowAccount.Iban', 'ContinuedSupportBy')
                                    THEN '(vertraulich)' ELSE json_extract(c.value, '$.New') END))
                    FROM json_each(AuditEntries.Changes) AS c)
                WHERE EntityType IN ('Household', 'Sponsorship', 'MentoringGroup')
                  AND (Changes LIKE '%"PrincipalName"%' OR Changes LIKE '%"Apartment.Street"%' OR Changes LIKE '%"SupportPlan"%' OR Changes LIKE '%"ReviewRemarks"%' OR Changes LIKE '%"EscrowAccount.%' OR Changes LIKE '%"ContinuedSupportBy"%');
                """);
            migrationBuilder.Sql("UPDATE AuditEntries SET UserName = 'Mitglied einer Gruppe' WHERE Role = 'Mentor';");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'Audit entries are immutable.'); END;");
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
