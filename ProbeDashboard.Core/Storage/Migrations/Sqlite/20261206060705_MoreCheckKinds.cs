using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoreCheckKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateIssuer",
                table: "ProbeResults",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateSubject",
                table: "ProbeResults",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dns",
                table: "Monitors",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "TlsExpiryDays",
                table: "Monitors",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[21,14,7]'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertificateIssuer",
                table: "ProbeResults");

            migrationBuilder.DropColumn(
                name: "CertificateSubject",
                table: "ProbeResults");

            migrationBuilder.DropColumn(
                name: "Dns",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "TlsExpiryDays",
                table: "Monitors");
        }
    }
}
