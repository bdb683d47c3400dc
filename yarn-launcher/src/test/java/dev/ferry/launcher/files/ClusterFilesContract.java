package dev.ferry.launcher.files;

import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ClusterFiles} does, run against Hadoop's client on the local file system and
 * against the in-memory fake the lifecycle tests use, so that the fake cannot drift from the real one.
 */
abstract class ClusterFilesContract {

    /** The implementation under test. */
    abstract ClusterFiles files();

    /** A directory of this test's own, as a path the implementation takes. */
    abstract String root();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenAWrittenFile_whenRead_thenItsContentIsBack() {
        files().write(root() + "/jobs/orders.json", bytes("{}"));

        assertThat(files().read(root() + "/jobs/orders.json"))
                .hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("{}")));
    }

    @Test
    void givenAFileWrittenTwice_whenTheDirectoryIsListed_thenOnlyTheFileIsThereWithTheLastContent() {
        files().write(root() + "/jobs/orders.json", bytes("1"));
        files().write(root() + "/jobs/orders.json", bytes("2"));

        assertThat(files().list(root() + "/jobs"))
                .extracting(FileEntry::name)
                .filteredOn(name -> !name.endsWith(".crc"))
                .containsExactly("orders.json");
        assertThat(new String(files().read(root() + "/jobs/orders.json").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("2");
    }

    @Test
    void givenNothing_whenReadListedOrAskedFor_thenEmptyAndNoError() {
        assertThat(files().read(root() + "/nothing")).isEmpty();
        assertThat(files().list(root() + "/nothing")).isEmpty();
        assertThat(files().status(root() + "/nothing")).isEmpty();
    }

    @Test
    void givenAFile_whenCreatedAgainOnlyIfAbsent_thenTheSecondCreateIsRefused() {
        assertThat(files().createIfAbsent(root() + "/locks/orders.lock", bytes("alice")))
                .isTrue();

        assertThat(files().createIfAbsent(root() + "/locks/orders.lock", bytes("bob")))
                .isFalse();
        assertThat(files().read(root() + "/locks/orders.lock").orElseThrow()).isEqualTo(bytes("alice"));
    }

    @Test
    void givenAFile_whenRenamedOntoAnExistingOne_thenNothingMoves() {
        files().write(root() + "/a", bytes("a"));
        files().write(root() + "/b", bytes("b"));

        assertThat(files().renameIfAbsent(root() + "/a", root() + "/b")).isFalse();
        assertThat(files().renameIfAbsent(root() + "/a", root() + "/c")).isTrue();
        assertThat(files().renameIfAbsent(root() + "/a", root() + "/d")).isFalse();
        assertThat(files().read(root() + "/c").orElseThrow()).isEqualTo(bytes("a"));
    }

    @Test
    void givenFilesInSubdirectories_whenTheParentIsListed_thenTheSubdirectoriesAppearAsDirectories() {
        files().write(root() + "/chk/job/chk-1/_metadata", bytes("m"));
        files().write(root() + "/chk/job/chk-2/_metadata", bytes("m"));

        assertThat(files().list(root() + "/chk/job"))
                .allMatch(FileEntry::directory)
                .extracting(FileEntry::name)
                .containsExactlyInAnyOrder("chk-1", "chk-2");
        assertThat(files().status(root() + "/chk/job/chk-1"))
                .hasValueSatisfying(e -> assertThat(e.directory()).isTrue());
    }

    @Test
    void givenAFile_whenDeleted_thenItIsGone() {
        files().write(root() + "/a", bytes("a"));

        assertThat(files().delete(root() + "/a")).isTrue();
        assertThat(files().delete(root() + "/a")).isFalse();
        assertThat(files().status(root() + "/a")).isEmpty();
    }

    @Test
    void givenALocalFile_whenUploadedAndDownloaded_thenTheBytesAreTheSame(@org.junit.jupiter.api.io.TempDir Path local)
            throws Exception {
        Path source = Files.writeString(local.resolve("job.jar"), "jar bytes");

        files().upload(source, root() + "/artifacts/abc/job.jar");
        files().download(root() + "/artifacts/abc/job.jar", local.resolve("copy/job.jar"));

        assertThat(local.resolve("copy/job.jar")).hasContent("jar bytes");
    }
}
