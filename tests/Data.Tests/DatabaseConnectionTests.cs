namespace TumorWeb.Data.Tests;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void APostgreSqlConnectionDescribesItselfWithoutThePassword()
    {
        var connection = DatabaseConnection.PostgreSql("Host=db.lab.example;Port=5433;Database=tumorweb;Username=tumorweb;Password=s3cret-pass");

        Assert.Equal(DatabaseProvider.PostgreSql, connection.Provider);
        Assert.Equal("PostgreSQL database \"tumorweb\" on db.lab.example:5433 as \"tumorweb\"", connection.ToString());
    }

    [Fact]
    public void ASqliteConnectionNamesItsFile()
    {
        var connection = DatabaseConnection.SqliteFile("/srv/tumorweb/data/tumorweb.db");

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=/srv/tumorweb/data/tumorweb.db"), (connection.Provider, connection.ConnectionString));
        Assert.Equal("SQLite /srv/tumorweb/data/tumorweb.db", connection.ToString());
    }

    [Theory]
    [InlineData("Host=db;Colour=blue;Password=s3cret-pass", "not a valid PostgreSQL connection string")]
    [InlineData("Database=tumorweb;Password=s3cret-pass", "names no Host")]
    public void ABadPostgreSqlConnectionStringIsRefusedWithoutRepeatingIt(string connectionString, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseConnection.PostgreSql(connectionString));

        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("s3cret-pass", error.Message);
    }
}
