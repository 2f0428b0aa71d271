package org.gatehouse.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.KeySettings;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.platform.Secrets;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Encrypts signing keys at rest with AES-256-GCM. The key-encryption key comes from
 * {@code gatehouse.keys.encryption-key}; on a single node without it, one is generated once into
 * the data directory (owner-only permissions) so restarts can still read the keys.
 */
@ApplicationScoped
public class KeyEncryption {

    private static final Logger LOG = Logger.getLogger(KeyEncryption.class.getName());
    private static final int IV_BYTES = 12;

    @Inject
    KeySettings settings;

    @Inject
    ServerSettings server;

    private volatile SecretKey kek;

    public String encrypt(byte[] plain, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            Secrets.secureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key", e);
        }
    }

    public byte[] decrypt(String encoded, String associatedData) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + associatedData
                    + ": is gatehouse.keys.encryption-key the one the key was stored with?");
        }
    }

    /**
     * A secret derived from the key-encryption key for a fixed purpose (HMAC-SHA-256 of the label,
     * base64url): the same on every node that shares the key, never stored.
     */
    public String derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek().getEncoded(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a secret", e);
        }
    }

    private SecretKey kek() {
        SecretKey key = kek;
        if (key == null) {
            synchronized (this) {
                if (kek == null) {
                    kek = new SecretKeySpec(loadOrCreate(), "AES");
                }
                key = kek;
            }
        }
        return key;
    }

    private byte[] loadOrCreate() {
        if (settings.encryptionKey().isPresent()) {
            byte[] key = Base64.getDecoder().decode(settings.encryptionKey().get());
            if (key.length != 32) {
                throw new IllegalStateException("gatehouse.keys.encryption-key must be the base64 of 32 bytes");
            }
            return key;
        }
        Path file = server.dataDir().resolve("key-encryption.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            Secrets.secureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            LOG.warning("Generated a key-encryption key in " + file + "; in a cluster set gatehouse.keys.encryption-key instead");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
