package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;
import dev.ferry.launcher.testing.InMemoryClusterFiles;
import dev.ferry.launcher.testing.TestClock;
import dev.ferry.launcher.testing.TinyJobJar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team's shared jars ({@code ferry jars}): shared by name, replaced only when asked, removed. */
class SharedJarsTest {

    @TempDir
    Path dir;

    private final InMemoryClusterFiles files = new InMemoryClusterFiles(new TestClock());
    private final SharedJars jars = new SharedJars(files, "/ferry/jars");

    @Test
    void givenAnUploadedJar_whenListed_thenItIsThereByNameWithThePathToGiveSqlJar() {
        jars.upload(TinyJobJar.in(dir), false);

        assertThat(jars.list())
                .extracting(FileEntry::name, FileEntry::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tiny-job.jar", files.qualify("/ferry/jars/tiny-job.jar")));
    }

    @Test
    void givenTheSameBytesAgain_whenUploaded_thenNothingChangesAndNothingIsRefused() {
        Path jar = TinyJobJar.in(dir);
        jars.upload(jar, false);

        jars.upload(jar, false);

        assertThat(jars.list()).hasSize(1);
    }

    @Test
    void givenADifferentJarOfTheSameName_whenUploadedWithoutReplace_thenConflictAndTheSharedOneStays()
            throws IOException {
        jars.upload(TinyJobJar.in(dir), false);
        Path other = Files.createDirectories(dir.resolve("other")).resolve("tiny-job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(other))) {
            out.putNextEntry(new JarEntry("README"));
            out.closeEntry();
        }
        long sharedLength = jars.list().get(0).length();

        assertThatThrownBy(() -> jars.upload(other, false))
                .satisfies(failsWith(ExitCode.CONFLICT, "A different tiny-job.jar is shared already", "--replace"));
        assertThat(jars.list().get(0).length()).isEqualTo(sharedLength);

        jars.upload(other, true);
        assertThat(jars.list().get(0).length()).isEqualTo(Files.size(other));
    }

    @Test
    void givenAFileThatIsNotAJar_whenUploaded_thenUsageErrorAndNothingIsShared() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar");

        assertThatThrownBy(() -> jars.upload(text, false))
                .satisfies(failsWith(ExitCode.USAGE, "notes.jar is not a jar file"));
        assertThat(jars.list()).isEmpty();
    }

    @Test
    void givenASharedJar_whenRemoved_thenItIsGoneAndASecondRemoveIsNotFound() {
        jars.upload(TinyJobJar.in(dir), false);

        jars.remove("tiny-job.jar");

        assertThat(jars.list()).isEmpty();
        assertThatThrownBy(() -> jars.remove("tiny-job.jar"))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No shared jar is named 'tiny-job.jar'"));
    }
}
