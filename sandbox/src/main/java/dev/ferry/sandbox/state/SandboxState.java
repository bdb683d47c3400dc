package dev.ferry.sandbox.state;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a sandbox keeps across restarts besides its data: its ports. Stored as
 * {@code <dir>/sandbox.properties}; written once on the first start, read on every later one.
 */
public final class SandboxState {

    private static final String PORT_PREFIX = "port.";

    private SandboxState() {}

    /**
     * The ports saved in {@code file}, or new free ports (saved there) when there is no file yet.
     * A sandbox made before a service was added gets a port for it now, and keeps its others.
     */
    public static SandboxPorts loadOrAllocatePorts(Path file) {
        if (!Files.exists(file)) {
            SandboxPorts ports = allocate();
            savePorts(file, ports);
            return ports;
        }
        Map<String, Integer> saved = loadSavedPorts(file);
        List<String> missing = SandboxPorts.NAMES.stream()
                .filter(name -> !saved.containsKey(name))
                .toList();
        if (missing.isEmpty()) {
            return SandboxPorts.fromNames(saved);
        }
        List<Integer> fresh = PortAllocator.freePorts(missing.size() + saved.size()).stream()
                .filter(port -> !saved.containsValue(port))
                .limit(missing.size())
                .toList();
        Map<String, Integer> all = new LinkedHashMap<>(saved);
        for (int i = 0; i < missing.size(); i++) {
            all.put(missing.get(i), fresh.get(i));
        }
        SandboxPorts ports = SandboxPorts.fromNames(all);
        savePorts(file, ports);
        return ports;
    }

    public static SandboxPorts loadPorts(Path file) {
        Map<String, Integer> ports = loadSavedPorts(file);
        for (String name : SandboxPorts.NAMES) {
            if (!ports.containsKey(name)) {
                throw new IllegalStateException("Sandbox state " + file + " has no " + PORT_PREFIX + name);
            }
        }
        return SandboxPorts.fromNames(ports);
    }

    private static Map<String, Integer> loadSavedPorts(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sandbox state " + file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : SandboxPorts.NAMES) {
            String value = properties.getProperty(PORT_PREFIX + name);
            if (value != null) {
                ports.put(name, Integer.parseInt(value.trim()));
            }
        }
        return ports;
    }

    public static void savePorts(Path file, SandboxPorts ports) {
        Properties properties = new Properties();
        ports.byName().forEach((name, port) -> properties.setProperty(PORT_PREFIX + name, String.valueOf(port)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Ferry sandbox ports, chosen on first start");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sandbox state " + file + ": " + e.getMessage(), e);
        }
    }

    private static SandboxPorts allocate() {
        return SandboxPorts.fromList(PortAllocator.freePorts(SandboxPorts.NAMES.size()));
    }
}
