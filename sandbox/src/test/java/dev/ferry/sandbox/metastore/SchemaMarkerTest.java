package dev.ferry.sandbox.metastore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the sandbox's metastore schema must be created: the marker names the database it is in. */
class SchemaMarkerTest {

    private static final String DERBY = "derby jdbc:derby:;databaseName=/s/data/metastore/metastore_db;create=true";
    private static final String POSTGRES = "postgres jdbc:postgresql://localhost:5432/ferry_metastore";

    @Test
    void givenTheSameDatabase_thenTheSchemaIsThere() {
        assertThat(MetastoreProcess.madeIn(POSTGRES, POSTGRES)).isTrue();
    }

    @Test
    void givenASandboxSwitchedFromDerbyToPostgres_thenTheSchemaMustBeCreated() {
        assertThat(MetastoreProcess.madeIn(DERBY, POSTGRES)).isFalse();
    }

    @Test
    void givenAMarkerWrittenBeforePostgresSupport_thenItsDerbySchemaIsKept() {
        assertThat(MetastoreProcess.madeIn("derby", DERBY)).isTrue();
        assertThat(MetastoreProcess.madeIn("derby", POSTGRES)).isFalse();
    }
}
