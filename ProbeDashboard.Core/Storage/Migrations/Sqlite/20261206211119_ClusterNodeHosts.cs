using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClusterNodeHosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClusterNodeName",
                table: "Hosts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_ClusterNodeName",
                table: "Hosts",
                column: "ClusterNodeName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hosts_ClusterNodeName",
                table: "Hosts");

            migrationBuilder.DropColumn(
                name: "ClusterNodeName",
                table: "Hosts");
        }
    }
}
