package org.gatehouse.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up refuses Argon2id parameters weaker than the OWASP Password Storage Cheat Sheet's minimums. */
class PasswordSettingsTest {

    private static final int MIB = 1024;

    @Test
    void acceptsEveryOwaspChoiceAndAnythingStronger() {
        int[][] ok = {{47 * MIB, 1}, {19 * MIB, 2}, {12 * MIB, 3}, {9 * MIB, 4}, {7 * MIB, 5},
                {64 * MIB, 1}, {19 * MIB, 10}, {12 * MIB, 4}, {7 * MIB, 100}, {1024 * MIB, 3}, {47 * MIB, 2}};
        for (int[] mt : ok) {
            assertDoesNotThrow(() -> new PasswordSettings(mt[0], mt[1], 1), mt[0] + "/" + mt[1]);
        }
        assertDoesNotThrow(() -> new PasswordSettings(19 * MIB, 2, 4));
    }

    @Test
    void refusesParametersBelowEveryOwaspChoice() {
        int[][] weak = {{47 * MIB - 1, 1}, {19 * MIB - 1, 2}, {12 * MIB - 1, 3}, {9 * MIB - 1, 4}, {7 * MIB - 1, 5},
                {7 * MIB - 1, 1000}, {46 * MIB, 1}, {18 * MIB, 2}, {11 * MIB, 3}, {8 * MIB, 4}, {6 * MIB, 9},
                {1024 * MIB, 0}, {19 * MIB, -1}, {0, 2}, {-1, 5}};
        for (int[] mt : weak) {
            String message = assertThrows(IllegalArgumentException.class, () -> new PasswordSettings(mt[0], mt[1], 1),
                    mt[0] + "/" + mt[1]).getMessage();
            assertTrue(message.contains("gatehouse.password.argon2.memory-kib=" + mt[0])
                    && message.contains("m=19456,t=2") && message.contains("m=48128,t=1"), message);
        }
    }

    @Test
    void refusesParallelismBelowOneOrAboveWhatArgon2Allows() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordSettings(19 * MIB, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordSettings(19 * MIB, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordSettings(19 * MIB, 2, 1 << 24));
        String message = assertThrows(IllegalArgumentException.class, () -> new PasswordSettings(19 * MIB, 2, 19 * MIB / 8 + 1))
                .getMessage();
        assertTrue(message.contains("RFC 9106"), message);
    }
}
