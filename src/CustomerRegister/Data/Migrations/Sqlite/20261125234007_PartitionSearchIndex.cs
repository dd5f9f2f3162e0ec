using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <summary>
    /// Nothing to do on SQLite: PostgreSQL splits the search index into hash partitions so that the retention sweep can
    /// vacuum it a part at a time (see the PostgreSQL migration of the same name); SQLite keeps one table and has no
    /// VACUUM-dependent index-only scans. Kept so that both providers list the same migrations.
    /// </summary>
    public partial class PartitionSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
