package dev.ferry.sandbox.daemon;

import dev.ferry.sandbox.metastore.MetastoreDbType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonArgumentsTest {

    @Test
    void givenNoMetastoreDatabase_whenParsed_thenDerbyWithItsDefaultUrlIsUsed() {
        DaemonArguments args = DaemonArguments.parse(new String[] {"--dir", "/s", "--home", "/h"});

        assertThat(args.metastoreDbType()).isEqualTo(MetastoreDbType.DERBY);
        assertThat(args.metastoreJdbcUrl()).isEmpty();
    }

    @Test
    void givenPostgresAndAJdbcUrl_whenParsed_thenBothAreKept() {
        DaemonArguments args = DaemonArguments.parse(new String[] {
            "--dir",
            "/s",
            "--home",
            "/h",
            "--metastore-db",
            "postgres",
            "--metastore-jdbc-url",
            "jdbc:postgresql://db:5432/hms"
        });

        assertThat(args.metastoreDbType()).isEqualTo(MetastoreDbType.POSTGRES);
        assertThat(args.metastoreJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/hms");
    }

    @Test
    void givenAnUnknownDatabase_whenParsed_thenTheErrorNamesTheSupportedOnes() {
        assertThatThrownBy(() ->
                        DaemonArguments.parse(new String[] {"--dir", "/s", "--home", "/h", "--metastore-db", "mysql"}))
                .hasMessage("Unknown metastore database type 'mysql'; supported: derby, postgres");
    }
}
