package org.gatehouse.bootstrap;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The import example the README shows must stay a file Gatehouse accepts. */
class ImportExampleTest {

    @Test
    void readmeImportExampleIsValid() throws IOException {
        ImportFile file;
        try (Reader r = Files.newBufferedReader(Path.of("server-config/import-example.json"));
             JsonReader json = Json.createReader(r)) {
            file = ImportFile.parse(json.readObject());
        }
        assertEquals(2, file.scopes().size());
        assertEquals(2, file.clients().size());
        assertEquals(Set.of("user", "admin"), file.accounts().get(0).roles());
        assertEquals(300, file.clients().get(0).accessTtl());
    }
}
