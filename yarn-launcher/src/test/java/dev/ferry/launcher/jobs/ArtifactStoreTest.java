package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.InMemoryClusterFiles;
import dev.ferry.launcher.testing.TestClock;
import dev.ferry.launcher.testing.TinyJobJar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The jars of SQL jobs ({@code ferry sql --jar}): checked, then stored by content like job artifacts. */
class ArtifactStoreTest {

    @TempDir
    Path dir;

    private final InMemoryClusterFiles files = new InMemoryClusterFiles(new TestClock());
    private final ArtifactStore store = new ArtifactStore(files, "/ferry/artifacts", Path.of("unused"));

    @Test
    void givenALocalJar_whenStored_thenItIsUploadedUnderItsContentDigestAndNamedByItsClusterUri() {
        Path jar = TinyJobJar.in(dir);

        String stored = store.storeJar(jar.toString());

        assertThat(stored).matches(".*/ferry/artifacts/[0-9a-f]{32}/tiny-job.jar");
        assertThat(files.status(stored)).isPresent();
        assertThat(store.storeJar("file:" + jar)).isEqualTo(stored);
    }

    @Test
    void givenAJarOnTheClusterFileSystem_whenStored_thenItIsKeptWhereItIs() {
        files.put("/jars/udf.jar", "PK");

        assertThat(store.storeJar("hdfs:///jars/udf.jar")).isEqualTo(files.qualify("hdfs:///jars/udf.jar"));
    }

    @Test
    void givenAMissingLocalJar_whenStored_thenUsageErrorAndNothingIsUploaded() {
        assertThatThrownBy(() -> store.storeJar(dir.resolve("udf.jar").toString()))
                .satisfies(failsWith(ExitCode.USAGE, "Jar file", "udf.jar does not exist", "nothing was submitted"));
        assertThat(files.list("/ferry/artifacts")).isEmpty();
    }

    @Test
    void givenAFileThatIsNotAJar_whenStored_thenUsageErrorNamingIt() throws IOException {
        Path text = Files.writeString(dir.resolve("udf.jar"), "not a jar");

        assertThatThrownBy(() -> store.storeJar(text.toString()))
                .satisfies(failsWith(ExitCode.USAGE, "udf.jar is not a jar file", "nothing was submitted"));
    }

    @Test
    void givenAClusterPathThatDoesNotExist_whenStored_thenUsageErrorNamingIt() {
        assertThatThrownBy(() -> store.storeJar("hdfs:///jars/missing.jar"))
                .satisfies(failsWith(
                        ExitCode.USAGE, "Jar hdfs:///jars/missing.jar does not exist on the cluster file system"));
    }
}
