using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Background work on Quartz.NET (ADR 0010): the executions administrators see (JobExecutions) and
    /// the tables of Quartz's persistent, clustered job store (QRTZ_*, see <see cref="QuartzSchema47"/>).
    /// </summary>
    public partial class BackgroundJobsOnQuartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobExecutions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    TriggerName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    FireInstanceId = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledForUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recovering = table.Column<bool>(type: "INTEGER", nullable: false),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobExecutions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobExecutions_FireInstanceId",
                table: "JobExecutions",
                column: "FireInstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobExecutions_JobName_StartedAtUtc",
                table: "JobExecutions",
                columns: new[] { "JobName", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JobExecutions_StartedAtUtc",
                table: "JobExecutions",
                column: "StartedAtUtc");

            foreach (var statement in QuartzSchema47.Create)
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobExecutions");

            foreach (var statement in QuartzSchema47.Drop)
                migrationBuilder.Sql(statement);
        }
    }
}
