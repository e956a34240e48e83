package dev.sietch.discord.internal.common;

import dev.sietch.core.model.Wei;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** BGT amounts as members read them where exactness matters (their own position, their alerts). */
public final class Amounts {

    private Amounts() {}

    /** Exact BGT, trailing zeros dropped, at most 6 decimals shown (rounded down, never up). */
    public static String exact(Wei wei) {
        BigDecimal value = wei.toBgt().setScale(6, RoundingMode.DOWN).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }
}
