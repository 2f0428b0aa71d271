package org.gatehouse.user;

import org.gatehouse.config.PasswordSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordSettings.defaults());

    @Test
    void hashesWithArgon2idAtOwaspStrengthAndVerifies() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
    }

    @Test
    void hashesWithTheConfiguredParameters() {
        PasswordHasher stronger = new PasswordHasher(new PasswordSettings(12 * 1024, 3, 2));
        String hash = stronger.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=12288,t=3,p=2$"), hash);
        assertTrue(stronger.verify("correct horse", hash));
        assertFalse(stronger.needsRehash(hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        assertFalse(hasher.verify("x", "not-a-hash"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=x$a$b"));
        assertFalse(hasher.verify("x", null));
    }

    @Test
    void aHashUnderOldParametersStillVerifies() {
        String old = new PasswordHasher(new PasswordSettings(7 * 1024, 5, 1)).hash("correct horse");
        assertTrue(hasher.verify("correct horse", old), "the parameters come from the stored hash");
        assertFalse(hasher.verify("correct horsE", old));
    }

    /** A hash made by the release before the parameters were settings (fixed m=19 MiB, t=2, p=1). */
    @Test
    void aHashOfThePreviousReleaseStillVerifies() {
        String stored = "$argon2id$v=19$m=19456,t=2,p=1$nGxO664qZKuuNTAPFuecCw$0t79sHBtYGWiGiS4BkpMr4pXeosZKFxZ5hP6h2cTkic";
        assertTrue(hasher.verify("correct horse battery staple", stored));
        assertFalse(hasher.needsRehash(stored));
        PasswordHasher raised = new PasswordHasher(new PasswordSettings(47 * 1024, 1, 1));
        assertTrue(raised.verify("correct horse battery staple", stored));
        assertTrue(raised.needsRehash(stored));
    }

    @Test
    void needsRehashWhenAnyParameterDiffers() {
        assertFalse(hasher.needsRehash(hasher.hash("pw")));
        PasswordHasher configured = new PasswordHasher(new PasswordSettings(19 * 1024, 3, 1));
        assertTrue(configured.needsRehash(hasher.hash("pw")), "iterations raised");
        assertTrue(new PasswordHasher(new PasswordSettings(47 * 1024, 2, 1)).needsRehash(hasher.hash("pw")), "memory raised");
        assertTrue(new PasswordHasher(new PasswordSettings(19 * 1024, 2, 2)).needsRehash(hasher.hash("pw")), "parallelism changed");
        assertTrue(hasher.needsRehash(configured.hash("pw")), "lowered again: the stored hash is not what a new one would be");
    }

    @Test
    void needsRehashForWhatIsNotACurrentArgon2idHash() {
        String current = hasher.hash("pw");
        String salt = current.split("\\$")[4];
        assertTrue(hasher.needsRehash("$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + current.split("\\$")[5]));
        assertTrue(hasher.needsRehash("$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + current.split("\\$")[5]));
        assertTrue(hasher.needsRehash("$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$AAAAAAAAAAAAAAAAAAAAAA"), "16-byte output");
        assertTrue(hasher.needsRehash("not-a-hash"));
    }
}
