package dev.sietch.core.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The badge catalogue: the one place badge ids, names, categories and order are defined, so no
 * table, list or description can disagree with another. Listed in the
 * API's order: by category name, then display order.
 */
public enum Badge {
    OG("og", "OG", "Member since launch (first 30 days)", Category.TENURE, "\uD83C\uDFDB\uFE0F", 1),
    VETERAN("veteran", "Veteran", "Member for 90+ days", Category.TENURE, "\u2694\uFE0F", 2),
    ELDER("elder", "Elder", "Member for 180+ days", Category.TENURE, "\uD83D\uDC51", 3),
    CONSISTENT("consistent", "Consistent", "Maintained activity balance of 100+", Category.ENGAGEMENT, "\uD83D\uDD25", 1),
    DEDICATED("dedicated", "Dedicated", "Maintained activity balance of 250+", Category.ENGAGEMENT, "\uD83D\uDC8E", 2),
    DEVOTED("devoted", "Devoted", "Maintained activity balance of 500+", Category.ENGAGEMENT, "\uD83C\uDF1F", 3),
    HELPER("helper", "Helper", "Helped community members", Category.CONTRIBUTION, "\uD83E\uDD1D", 1),
    CONTRIBUTOR("contributor", "Contributor", "Made significant contributions", Category.CONTRIBUTION, "\uD83D\uDEE0\uFE0F", 2),
    FOUNDING_FEDAYKIN("founding_fedaykin", "Founding Fedaykin", "Original Fedaykin at launch", Category.SPECIAL, "\uD83D\uDDE1\uFE0F", 1),
    FOUNDING_NAIB("founding_naib", "Founding Naib", "Original Naib at launch", Category.SPECIAL, "\u26A1", 2);

    public enum Category {
        TENURE, ENGAGEMENT, CONTRIBUTION, SPECIAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final String displayName;
    private final String description;
    private final Category category;
    private final String emoji;
    private final int order;

    Badge(String id, String displayName, String description, Category category, String emoji, int order) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.category = category;
        this.emoji = emoji;
        this.order = order;
    }

    /** Every badge in the API's order: category name, then display order. */
    public static final List<Badge> CATALOGUE = Arrays.stream(values())
            .sorted(Comparator.comparing((Badge b) -> b.category.wireName()).thenComparingInt(b -> b.order))
            .toList();

    public static Optional<Badge> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    public String emoji() {
        return emoji;
    }

    /** Only contribution and special badges are awarded by hand; the others follow from tenure and activity. */
    public boolean isManual() {
        return category == Category.CONTRIBUTION || category == Category.SPECIAL;
    }
}
