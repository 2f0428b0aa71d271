package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.gatehouse.config.BootstrapSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Declarative provisioning: the JSON file named by {@code gatehouse.import} is desired state,
 * applied once per change. At start-up its SHA-256 is compared with that of the file applied
 * last; an unchanged file is not applied again (so an account an administrator disabled since
 * stays disabled). A new or edited file is read, every entry validated, and only then applied in
 * one transaction: new entries created, edited ones updated, nothing duplicated or deleted, and
 * the log says how many of each kind were created, updated and unchanged. A bad file is rejected
 * whole, with the offending entry named (e.g. {@code clients[2].redirectUris[0]: ...}).
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());

    @Inject
    BootstrapSettings settings;

    @Inject
    ImportApplier applier;

    /** The SHA-256 of the file's bytes, hex. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ImportException(file + ": file not found or not readable");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and validates the file; throws {@link ImportException} naming the bad entry. */
    public ImportFile read(Path file) {
        if (!Files.isReadable(file)) {
            throw new ImportException(file + ": file not found or not readable");
        }
        try (Reader reader = Files.newBufferedReader(file); JsonReader json = JsonSupport.PROVIDER.createReader(reader)) {
            JsonObject root = json.readObject();
            return ImportFile.parse(root);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new ImportException(file + ": not a valid JSON object (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read");
        }
    }

    /**
     * Imports the configured file, if any, unless its content is the one applied last: an
     * unchanged file is not applied again, so an administrator's later changes stay. A bad file
     * is reported and nothing of it is applied.
     */
    public void importConfigured(ImportStatus status) {
        settings.importFile().ifPresent(path -> {
            try {
                String sha256 = sha256(path);
                if (applier.lastApplied().filter(sha256::equals).isPresent()) {
                    LOG.info(() -> "Import file " + path + " unchanged since it was applied (SHA-256 " + sha256 + "): not applied again");
                    return;
                }
                String summary = applier.apply(read(path), path.toString(), sha256);
                LOG.info(() -> "Imported " + path + " (SHA-256 " + sha256 + "): " + summary);
            } catch (ImportException e) {
                status.failed(e.getMessage());
                LOG.severe("Import rejected, nothing was imported: " + e.getMessage());
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof ImportException)) {
                    cause = cause.getCause();
                }
                String message = cause instanceof ImportException ? cause.getMessage()
                        : path + ": could not be applied (" + cause.getClass().getSimpleName() + ")";
                status.failed(message);
                LOG.log(java.util.logging.Level.SEVERE, "Import rejected, nothing was imported: " + message, e);
            }
        });
    }

}
