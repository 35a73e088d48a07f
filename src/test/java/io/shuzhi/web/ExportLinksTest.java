package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.export.ExportFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Sealed download links: what opens, what does not, and that a link does not give the session id away. */
@ExtendWith(OutputCaptureExtension.class)
class ExportLinksTest {
    private static final String KEY = "k".repeat(16) + "0123456789abcdef";
    private static final String ID = "q3ZPm1x9TbGv0Ea7_Lw-2A";
    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");

    private ExportLinks at(Instant t, String key) {
        return new ExportLinks(new ExportLinkProperties(key, Duration.ofMinutes(5)), Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void aFreshLink_opensTheSessionAndFormatItWasMadeFor() {
        var link = at(now, KEY).sign(ID, ExportFormat.DOCX);
        var opened = at(now.plusSeconds(299), KEY).open(link.token());
        assertThat(opened.valid()).isPresent();
        assertThat(opened.claims().sessionId()).isEqualTo(ID);
        assertThat(opened.claims().format()).isEqualTo(ExportFormat.DOCX);
        assertThat(link.expiresAt()).isEqualTo(now.plusSeconds(300));
    }

    @Test
    void theTokenDoesNotContainTheSessionId_inAnyEncoding() {
        String token = at(now, KEY).sign(ID, ExportFormat.TXT).token();
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        assertThat(token).doesNotContain(ID);
        assertThat(decoded).doesNotContain(ID).doesNotContain("txt");
        // Two links for the same thing differ (random nonce): one cannot tell they name the same session.
        assertThat(at(now, KEY).sign(ID, ExportFormat.TXT).token()).isNotEqualTo(token);
    }

    @Test
    void afterItsTime_theLinkIsRefusedAsExpired() {
        var link = at(now, KEY).sign(ID, ExportFormat.MD);
        var opened = at(now.plusSeconds(300), KEY).open(link.token());
        assertThat(opened.valid()).isEmpty();
        assertThat(opened.refusal()).isEqualTo(ExportLinks.Refusal.EXPIRED);
    }

    @Test
    void anyChangedCharacter_anotherKey_orGarbage_isInvalid() {
        String token = at(now, KEY).sign(ID, ExportFormat.HTML).token();
        var app = at(now, KEY);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            var opened = app.open(changed);
            // The last character may carry padding bits that decode alike; every other change must be refused.
            if (i < token.length() - 1) assertThat(opened.valid()).as("changed at %d", i).isEmpty();
        }
        assertThat(at(now, "x".repeat(40)).open(token).refusal()).isEqualTo(ExportLinks.Refusal.INVALID);
        assertThat(at(now, null).open(token).refusal()).isEqualTo(ExportLinks.Refusal.INVALID);
        for (String junk : new String[] {"", "..", "%00", ID, "A".repeat(300), "!!!!"}) {
            assertThat(app.open(junk).refusal()).as(junk).isEqualTo(ExportLinks.Refusal.INVALID);
        }
    }

    @Test
    void aShortKey_stopsTheAppWithAReadableMessage() {
        assertThatThrownBy(() -> new ExportLinkProperties("secret", null))
                .hasMessageContaining("SHUZHI_LINK_KEY").hasMessageContaining("32");
        assertThat(new ExportLinkProperties(KEY, null).toString()).doesNotContain(KEY);
    }

    @Test
    void withoutAKey_aRandomOne_andTheLogSaysWhatThatMeans(CapturedOutput output) {
        var one = at(now, null);
        var other = at(now, null);
        assertThat(other.open(one.sign(ID, ExportFormat.TXT).token()).refusal()).isEqualTo(ExportLinks.Refusal.INVALID);
        assertThat(output.getAll()).contains("SHUZHI_LINK_KEY is not set").contains("restarts")
                .contains("other instances");
        assertThat(at(now, KEY).open(at(now, KEY).sign(ID, ExportFormat.TXT).token()).valid()).isPresent();
    }
}
