package io.botcore.engine.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for exchange API keys at rest. Each value gets a fresh 96-bit nonce; the sealed form is
 * {@code base64(nonce || ciphertext || 128-bit tag)}. The caller's context (user id and field name) is bound in
 * as associated data, so a ciphertext copied to another user or another field does not open. The key comes from
 * {@code EXCHANGE_KEY_ENCRYPTION_KEY}: 32 random bytes, base64 (url-safe or standard).
 *
 * <p>Immutable and thread-safe.
 */
public final class ExchangeKeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private ExchangeKeyCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            this.id = HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param encoded 32 bytes in base64
     * @throws IllegalArgumentException naming the rule when it is not exactly that
     */
    public static ExchangeKeyCipher of(String encoded) {
        byte[] key;
        try {
            String s = encoded.strip();
            key = s.contains("+") || s.contains("/") ? Base64.getDecoder().decode(s) : Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be base64: " + e.getMessage());
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("must be 32 bytes (256 bits) in base64, found " + key.length
                    + " bytes; run ./bot-core generate-secrets");
        }
        return new ExchangeKeyCipher(key);
    }

    /** A short fingerprint of the key (not secret), stored with each value to tell which key sealed it. */
    public String id() {
        return id;
    }

    /** Seals {@code plain} bound to {@code context}. */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /**
     * Opens a value sealed by {@link #seal} with this key and the same context.
     *
     * @throws TamperedException when the value was changed, belongs to another context or another key
     */
    public String open(String sealed, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new TamperedException("the stored value is not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedException("the stored value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedException("the stored value does not authenticate (changed, moved, or sealed with "
                    + "another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ExchangeKeyCipher[id=" + id + "]";
    }

    /** A sealed value that does not open: changed in the database, moved, or sealed with a key we do not have. */
    public static final class TamperedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TamperedException(String message) {
            super(message);
        }
    }
}
