package dev.ferry.launcher.samples;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.samples.SampleMaker.FileColumns;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.sql.SampleColumn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Samples from local files: their columns are given, their rows checked against them. */
class SampleMakerTest {

    private static final FileColumns ORDER_COLUMNS =
            new FileColumns(Optional.empty(), Optional.of("id BIGINT, item STRING"));

    @TempDir
    Path dir;

    private TestingServices services;
    private SampleMaker maker;

    @BeforeEach
    void givenFakeServices() {
        services = new TestingServices(dir);
        maker = services.sampleMaker();
    }

    @Test
    void givenACsvFileWithAHeader_whenMadeASample_thenItsRowsAreStoredWithoutTheHeader() throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "id,item\n1,apple\n2,pear\n");

        Sample sample = maker.fromFile("orders", csv, ORDER_COLUMNS, false);

        assertThat(sample.format()).isEqualTo("csv");
        assertThat(sample.rows()).isEqualTo(2);
        assertThat(sample.columns())
                .containsExactly(new SampleColumn("id", "BIGINT"), new SampleColumn("item", "VARCHAR(2147483647)"));
        assertThat(services.sampleStore().firstRows(sample, 5)).containsExactly("1,apple", "2,pear");
    }

    @Test
    void givenACsvHeaderOfOtherColumns_whenMadeASample_thenUsageErrorNamingBothAndNothingStored() throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "id,name\n1,apple\n");

        FerryException error =
                catchThrowableOfType(FerryException.class, () -> maker.fromFile("orders", csv, ORDER_COLUMNS, false));

        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error).hasMessageContaining("names the columns id, name, not the sample's id, item");
        assertThat(services.sampleStore().list()).isEmpty();
    }

    @Test
    void givenAJsonLineWithAFieldThatIsNoColumn_whenMadeASample_thenUsageErrorNamingTheLine() throws IOException {
        Path json = Files.writeString(dir.resolve("orders.json"), "{\"id\": 1}\n{\"id\": 2, \"price\": 3}\n");

        FerryException error =
                catchThrowableOfType(FerryException.class, () -> maker.fromFile("orders", json, ORDER_COLUMNS, false));

        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error).hasMessageContaining("orders.json line 2: field 'price' is not a column");
    }

    @Test
    void givenAColumnListThatIsNoColumnList_whenMadeASample_thenUsageError() throws IOException {
        Path json = Files.writeString(dir.resolve("orders.json"), "{\"id\": 1}\n");
        FileColumns nonsense = new FileColumns(Optional.empty(), Optional.of("id BIGNUMBER"));

        FerryException error =
                catchThrowableOfType(FerryException.class, () -> maker.fromFile("orders", json, nonsense, false));

        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error).hasMessageStartingWith("'id BIGNUMBER' is not a column list");
    }
}
