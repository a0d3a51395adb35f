package uk.mash.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * What is remembered, for how long and how many: the signature checks themselves are SmallRye's, tested
 * against real tokens in intake's TokenIT; here a stand-in parser counts what reaches it.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private final List<String> verifiedInFull = new ArrayList<>();
    private final VerifiedTokens tokens = new VerifiedTokens() {
        @Override
        JsonWebToken verifiedInFull(String token) {
            verifiedInFull.add(token);
            // "name:expiry-in-seconds-after-NOW"; "name" alone: no exp
            String[] parts = token.split(":");
            return token(parts.length == 1 ? 0 : NOW.getEpochSecond() + Long.parseLong(parts[1]));
        }
    };

    VerifiedTokensTest() {
        tokens.capacity = 2;
        tokens.rules = new JWTAuthContextInfo();
        tokens.rules.setClockSkew(5);
        at(NOW);
    }

    @Test
    void aTokenIsVerifiedOnceWhileUnexpiredAndAgainOnceExpired() throws Exception {
        tokens.parse("a:60");
        tokens.parse("a:60");
        assertThat(verifiedInFull).containsExactly("a:60");

        at(NOW.plusSeconds(64));
        tokens.parse("a:60");
        assertThat(verifiedInFull).as("expired, within the clock skew: still accepted").containsExactly("a:60");

        at(NOW.plusSeconds(65));
        tokens.parse("a:60");
        assertThat(verifiedInFull).as("past exp and the skew: verified again, as SmallRye would refuse it")
                .containsExactly("a:60", "a:60");
    }

    @Test
    void atMostCapacityAreKeptAndExpiredOnesMakeRoom() throws Exception {
        tokens.parse("a:10");
        tokens.parse("b:60");
        tokens.parse("c:60");
        tokens.parse("c:60");
        assertThat(tokens.remembered()).isEqualTo(2);
        assertThat(verifiedInFull).as("no room for c: verified each time").containsExactly("a:10", "b:60", "c:60", "c:60");

        at(NOW.plusSeconds(15));
        tokens.parse("c:60");
        tokens.parse("c:60");
        assertThat(verifiedInFull).as("a expired, making room for c").containsExactly("a:10", "b:60", "c:60", "c:60", "c:60");
        assertThat(tokens.remembered()).isEqualTo(2);
    }

    @Test
    void aMaximumTokenAgeEndsWhatIsRememberedBeforeExp() throws Exception {
        tokens.rules.setTokenAge(30L);
        tokens.parse("a:600"); // issued at NOW
        at(NOW.plusSeconds(34));
        tokens.parse("a:600");
        assertThat(verifiedInFull).containsExactly("a:600");
        at(NOW.plusSeconds(35));
        tokens.parse("a:600");
        assertThat(verifiedInFull).as("older than the age allowed").containsExactly("a:600", "a:600");
    }

    @Test
    void aTokenWithNoExpiryIsNeverRemembered() throws Exception {
        tokens.parse("n");
        tokens.parse("n");
        assertThat(verifiedInFull).containsExactly("n", "n");
        assertThat(tokens.remembered()).isZero();
    }

    private void at(Instant now) {
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static JsonWebToken token(long exp) {
        Map<String, Object> claims = exp == 0 ? Map.of("iat", NOW.getEpochSecond())
                : Map.of("exp", exp, "iat", NOW.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
