package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The member routes place members in tenure categories from the configured launch of the social layer. */
final class SocialLaunchRoutesTest {

    /** Launched ten days before the members joined: they joined within 30 days of it, so they are OG. */
    @RegisterExtension
    final TestApi api = new TestApi(TestApi.START.minus(Duration.ofDays(10)));

    @Test
    void tenureCountsFromTheConfiguredLaunch() throws Exception {
        api.member(9, "Liet", true);
        var json = new ObjectMapper();

        assertThat(json.readTree(api.get("/api/members/liet").body()).get("tenure_category").asText()).isEqualTo("og");
        JsonNode og = json.readTree(api.get("/api/directory?tenure_category=og").body());
        assertThat(og.get("total").asInt()).isEqualTo(1);
        assertThat(og.get("members").get(0).get("tenure_category").asText()).isEqualTo("og");
        assertThat(json.readTree(api.get("/api/leaderboard").body()).get("entries").get(0).get("tenure_category").asText())
                .isEqualTo("og");
    }
}
