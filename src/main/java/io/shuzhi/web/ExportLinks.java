package io.shuzhi.web;

import io.shuzhi.export.ExportFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Short-lived download links: a token that names a session, a format and an expiry, sealed with AES-256-GCM under a
 * key derived (HMAC-SHA256) from {@code SHUZHI_LINK_KEY}. GCM's tag is the signature: a token changed in one bit, made
 * with another key or past its expiry opens nothing. The session id is encrypted, not only signed, because the id is
 * the permanent key to the session: a download link that leaks (browser history, a proxy log, a forwarded mail) must
 * give away one file for a few minutes, never the session.
 */
@Component
class ExportLinks {
    private static final Logger log = LoggerFactory.getLogger(ExportLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_TOKEN_CHARS = 256;
    private static final byte[] CONTEXT = "shuzhi export link v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final ExportLinkProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ExportLinks(ExportLinkProperties props) {
        this(props, Clock.systemUTC());
    }

    ExportLinks(ExportLinkProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        byte[] secret;
        if (props.key().isEmpty()) {
            secret = new byte[32];
            random.nextBytes(secret);
            log.warn("SHUZHI_LINK_KEY is not set: download links are sealed with a random key of this process. They"
                    + " stop working when the app restarts, and other instances behind the same address refuse them."
                    + " Set SHUZHI_LINK_KEY (the same 32+ random characters on every instance) to avoid that.");
        } else {
            secret = props.key().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(hmac(secret, CONTEXT), "AES");
    }

    /** A sealed link for one session's export in one format, and when it stops working. */
    record Link(String token, Instant expiresAt) {}

    /** What a valid token names. */
    record Claims(String sessionId, ExportFormat format, Instant expiresAt) {}

    /** Why a token opens nothing. */
    enum Refusal { INVALID, EXPIRED }

    /** The token's claims, or why it is refused. */
    record Opened(Claims claims, Refusal refusal) {
        Optional<Claims> valid() {
            return Optional.ofNullable(claims);
        }
    }

    Link sign(String sessionId, ExportFormat format) {
        return sign(sessionId, format, clock.instant());
    }

    /** A link as it was made at {@code now} (tests make one whose time is up). */
    Link sign(String sessionId, ExportFormat format, Instant now) {
        Instant expires = now.plus(props.ttl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] plain = (sessionId + "\n" + format.extension() + "\n" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = gcm.doFinal(plain);
            return new Link(B64.encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array()),
                    expires);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    Opened open(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) return new Opened(null, Refusal.INVALID);
        byte[] raw;
        try {
            raw = B64D.decode(token);
        } catch (IllegalArgumentException e) {
            return new Opened(null, Refusal.INVALID);
        }
        if (raw.length <= NONCE + TAG_BITS / 8) return new Opened(null, Refusal.INVALID);
        String[] parts;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE));
            parts = new String(gcm.doFinal(raw, NONCE, raw.length - NONCE), StandardCharsets.UTF_8).split("\n", -1);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException: not made with this key, or changed on the way.
            return new Opened(null, Refusal.INVALID);
        }
        if (parts.length != 3) return new Opened(null, Refusal.INVALID);
        Optional<ExportFormat> format = ExportFormat.parse(parts[1]);
        long epoch;
        try {
            epoch = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return new Opened(null, Refusal.INVALID);
        }
        if (format.isEmpty()) return new Opened(null, Refusal.INVALID);
        Instant expires = Instant.ofEpochSecond(epoch);
        if (!clock.instant().isBefore(expires)) return new Opened(null, Refusal.EXPIRED);
        return new Opened(new Claims(parts[0], format.get(), expires), null);
    }

    private static byte[] hmac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
