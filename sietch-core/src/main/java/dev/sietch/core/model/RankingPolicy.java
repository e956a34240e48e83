package dev.sietch.core.model;

/**
 * The rank thresholds. Defaults: ranks 1–7 are Naib, 8–69 Fedaykin (so 1–69 are members),
 * 63–69 are at risk of falling out, and 70–100 are the waitlist.
 *
 * @param naibSeats the last Naib rank (7)
 * @param memberCutoff the last member rank (69)
 * @param atRiskFrom the first at-risk rank (63)
 * @param waitlistFrom the first waitlist rank (70)
 * @param waitlistTo the last waitlist rank (100)
 */
public record RankingPolicy(int naibSeats, int memberCutoff, int atRiskFrom, int waitlistFrom, int waitlistTo) {

    public static final RankingPolicy DEFAULT = new RankingPolicy(7, 69, 63, 70, 100);

    public RankingPolicy {
        if (naibSeats < 1 || memberCutoff < naibSeats) {
            throw new IllegalArgumentException("need 1 <= naibSeats <= memberCutoff, was " + naibSeats + ", " + memberCutoff);
        }
        if (atRiskFrom <= naibSeats || atRiskFrom > memberCutoff) {
            throw new IllegalArgumentException("atRiskFrom must lie in (naibSeats, memberCutoff], was " + atRiskFrom);
        }
        if (waitlistFrom <= memberCutoff || waitlistTo < waitlistFrom) {
            throw new IllegalArgumentException("need memberCutoff < waitlistFrom <= waitlistTo, was "
                    + waitlistFrom + ".." + waitlistTo);
        }
    }

    /** The role a rank earns on its own (without overrides). */
    public Role roleOf(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, was " + rank);
        }
        return rank <= naibSeats ? Role.NAIB : rank <= memberCutoff ? Role.FEDAYKIN : Role.NONE;
    }

    public boolean isMemberRank(int rank) {
        return rank >= 1 && rank <= memberCutoff;
    }

    public boolean isAtRisk(int rank) {
        return rank >= atRiskFrom && rank <= memberCutoff;
    }

    public boolean isWaitlistRank(int rank) {
        return rank >= waitlistFrom && rank <= waitlistTo;
    }
}
