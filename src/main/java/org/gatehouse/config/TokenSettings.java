package org.gatehouse.config;

import java.time.Duration;

/**
 * Lifetimes and token shape.
 *
 * @param codeTtl            {@code gatehouse.code.ttl}: authorization code lifetime, default PT60S,
 *                           at most PT10M (RFC 6749 §4.1.2).
 * @param requestTtl         {@code gatehouse.authorization-request.ttl}: how long a validated
 *                           request waits for login and consent, default PT10M.
 * @param accessTokenTtl     {@code gatehouse.token.access-ttl}: default PT10M.
 * @param refreshTokenTtl    {@code gatehouse.token.refresh-ttl}: how long one refresh token may
 *                           wait to be used, default P14D (each rotation issues a new one).
 * @param refreshFamilyTtl   {@code gatehouse.token.refresh-family-ttl}: the absolute lifetime of a
 *                           grant's refresh-token family, counted from sign-in and consent,
 *                           however often it is rotated (RFC 9700 §4.14.2), default P90D.
 * @param audience           {@code gatehouse.token.audience}: the {@code aud} of access tokens
 *                           (RFC 9068 §3), default {@code <issuer>/api}.
 * @param pkceForConfidential {@code gatehouse.pkce.required-for-confidential}: default true.
 * @param refreshReuseGrace  {@code gatehouse.token.refresh-reuse-grace}: opt-in, default PT0S (off),
 *                           at most PT60S. Within this time after a rotation, the refresh token just
 *                           rotated out may be presented once more by its client (the response was
 *                           lost) as long as its successor is still unused: the successor is retired
 *                           and a new pair issued instead of revoking the family.
 */
public record TokenSettings(Duration codeTtl, Duration requestTtl, Duration accessTokenTtl,
                            Duration refreshTokenTtl, Duration refreshFamilyTtl, String audience,
                            boolean pkceForConfidential, Duration refreshReuseGrace) {

    public static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);
    /**
     * The longest an access token may live, server default or any client's own: the revocation
     * list keeps a revoked grant at least this long (grant.RevokedGrants), so a revocation stops
     * every access token issued under it. Enforced at start-up, in the import and in the console.
     */
    public static final Duration MAX_ACCESS_TTL = Duration.ofDays(1);
    /** The longest a refresh token (and a refresh-token family) may live, server default or a client's own. */
    public static final Duration MAX_REFRESH_TTL = Duration.ofDays(366);
    /** A reuse grace exists for lost responses, which are retried within seconds, not for leaked tokens. */
    public static final Duration MAX_REUSE_GRACE = Duration.ofSeconds(60);

    public TokenSettings {
        if (codeTtl.isNegative() || codeTtl.isZero() || codeTtl.compareTo(MAX_CODE_TTL) > 0) {
            throw new IllegalArgumentException("gatehouse.code.ttl must be between 1 second and 10 minutes");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || accessTokenTtl.compareTo(MAX_ACCESS_TTL) > 0) {
            throw new IllegalArgumentException("gatehouse.token.access-ttl must be between 1 second and 1 day (P1D)");
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero() || refreshFamilyTtl.compareTo(MAX_REFRESH_TTL) > 0) {
            throw new IllegalArgumentException("gatehouse.token.refresh-ttl and gatehouse.token.refresh-family-ttl must be"
                    + " positive and at most 366 days (P366D)");
        }
        if (refreshReuseGrace.isNegative() || refreshReuseGrace.compareTo(MAX_REUSE_GRACE) > 0) {
            throw new IllegalArgumentException("gatehouse.token.refresh-reuse-grace must be between PT0S (off) and PT60S");
        }
        if (refreshFamilyTtl.compareTo(refreshTokenTtl) < 0) {
            throw new IllegalArgumentException("gatehouse.token.refresh-family-ttl must not be shorter than gatehouse.token.refresh-ttl");
        }
    }
}
