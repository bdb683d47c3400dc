package dev.ferry.sandbox.metastore;

import dev.ferry.sandbox.home.FerryHomeLayout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetastoreProcessTest {

    @TempDir
    Path dir;

    @Test
    void givenAPostgresThatIsDown_whenTheMetastoreStarts_thenTheErrorNamesTheServerAndHowToStartIt() throws Exception {
        String url = "jdbc:postgresql://localhost:" + closedPort() + "/ferry_metastore";
        MetastoreSettings settings = new MetastoreSettings(
                MetastoreDbType.POSTGRES, dir.resolve("data"), dir.resolve("conf"), 9083, URI.create("file:///"), url);

        assertThatThrownBy(() -> MetastoreProcess.start(
                        new FerryHomeLayout(dir),
                        settings,
                        dir.resolve("tmp"),
                        dir.resolve("metastore.log"),
                        Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("(" + url + ") does not accept connections; start PostgreSQL");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
