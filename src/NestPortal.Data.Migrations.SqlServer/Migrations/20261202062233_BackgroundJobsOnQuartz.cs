using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NestPortal.Data.Migrations.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    JobName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    TriggerName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    FireInstanceId = table.Column<string>(type: "nvarchar(140)", maxLength: 140, nullable: false),
                    InstanceId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ScheduledForUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Recovering = table.Column<bool>(type: "bit", nullable: false),
                    ErrorMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
