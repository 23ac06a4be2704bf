package dev.propos.server.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed webhooks, in Stripe's scheme: the header {@code t=<unix seconds>,v1=<hex>} where the
 * hex is HMAC-SHA256, keyed with the endpoint's secret, of {@code "<t>.<body>"}. A signature is
 * accepted when one {@code v1} matches (compared in constant time) and {@code t} is within the
 * tolerance of now, which bounds replays of a captured delivery.
 */
public final class WebhookSignature {

    /** Why a delivery was refused. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    private final byte[] secret;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** Checks {@code header} for {@code body} at {@code now}. */
    public void verify(String header, byte[] body, Instant now) throws Invalid {
        if (header == null || header.isBlank()) {
            throw new Invalid("the delivery is not signed");
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            switch (pair[0]) {
                case "t" -> {
                    try {
                        timestamp = Long.parseLong(pair[1]);
                    } catch (NumberFormatException e) {
                        throw new Invalid("the signature's timestamp is not a number");
                    }
                }
                case "v1" -> signatures.add(pair[1]);
                default -> {
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new Invalid("the signature header has no timestamp or no v1 signature");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new Invalid("the signature's timestamp " + signedAt + " is outside the tolerance of " + tolerance);
        }
        byte[] expected = HexFormat.of().formatHex(hmac(timestamp + ".", body)).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw new Invalid("no signature matches");
    }

    /** The header that signs {@code body} at {@code at} (for senders, and tests). */
    public String sign(byte[] body, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(timestamp + ".", body));
    }

    private byte[] hmac(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
