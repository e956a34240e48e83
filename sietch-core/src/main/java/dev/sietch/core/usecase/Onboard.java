package dev.sietch.core.usecase;

import dev.sietch.core.model.Bio;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.Nym;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.OnboardingSessions;
import dev.sietch.core.port.OnboardingSessions.Session;
import dev.sietch.core.port.OnboardingSessions.Step;
import dev.sietch.core.port.PictureFetcher;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.WalletLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The onboarding wizard: nym, then picture, then bio, then the profile. Who
 * may start: an account with a linked wallet inside the member ranks and no profile yet. The state
 * is kept in the store, so a restart mid-wizard resumes; a wizard left alone for
 * {@link #IDLE_TIMEOUT} has to be started again.
 */
public final class Onboard {

    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    public static final String TIMED_OUT = "Your onboarding timed out after 15 minutes without an answer. "
            + "Run /onboard in the server to start again.";

    /**
     * @param maxBioLength the longest bio kept
     * @param naibSeats the seats of the Naib council, evaluated when a member finishes
     */
    public record Settings(int maxBioLength, int naibSeats) {
        public Settings {
            if (maxBioLength < 1) {
                throw new IllegalArgumentException("maxBioLength must be positive, was " + maxBioLength);
            }
            if (naibSeats < 1) {
                throw new IllegalArgumentException("the Naib council has at least one seat");
            }
        }
    }

    public sealed interface Result {}

    /** The wizard is at {@code step}. */
    public record Next(Step step, Optional<String> nym) implements Result {}

    /** The member's answer was refused; the wizard stays at its step. */
    public record Refused(String message) implements Result {}

    /** The profile exists and onboarding is complete. */
    public record Done(MemberProfile profile) implements Result {}

    private final Settings settings;
    private final Pictures pictures;
    private final Members members;
    private final WalletLinks links;
    private final RankingReader rankings;
    private final OnboardingSessions sessions;
    private final NaibSeats seats;
    private final Clock clock;

    public Onboard(Settings settings, Pictures pictures, Members members, WalletLinks links, RankingReader rankings,
            OnboardingSessions sessions, NaibSeats seats, Clock clock) {
        this.seats = seats;
        this.settings = settings;
        this.pictures = pictures;
        this.members = members;
        this.links = links;
        this.rankings = rankings;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public Pictures pictures() {
        return pictures;
    }

    /**
     * Starts (or restarts) the wizard for the account, if it may have a profile. A placeholder
     * profile of a member from before the social layer does not stop it: finishing the
     * wizard completes that profile, keeping its member id and membership date.
     */
    public Result start(DiscordUserId discordUserId) {
        if (members.byDiscordId(discordUserId).filter(MemberProfile::onboardingComplete).isPresent()) {
            return new Refused("You already have a Sietch profile. Use /profile view to see it.");
        }
        Optional<WalletAddress> wallet = links.walletOf(discordUserId);
        if (wallet.isEmpty()) {
            return new Refused("Link your wallet first: run /verify in the server.");
        }
        if (rankings.find(wallet.get()).filter(RankedWallet::member).isEmpty()) {
            return new Refused("Your linked wallet is not in the top 69. Claim and hold BGT to join Sietch.");
        }
        Instant now = clock.instant();
        sessions.save(new Session(discordUserId, Step.NYM, Optional.empty(), Optional.empty(), Optional.empty(), now, now));
        return new Next(Step.NYM, Optional.empty());
    }

    public Result chooseNym(DiscordUserId discordUserId, String nym) {
        Optional<Session> session = current(discordUserId, Step.NYM);
        if (session.isEmpty()) {
            return stale(discordUserId);
        }
        String trimmed = nym == null ? "" : nym.strip();
        Optional<String> problem = Nym.problem(trimmed);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        if (takenByAnother(trimmed, discordUserId)) {
            return new Refused("This nym is already taken. Please choose another.");
        }
        sessions.save(new Session(discordUserId, Step.PICTURE, Optional.of(trimmed), Optional.empty(), Optional.empty(),
                session.get().startedAt(), clock.instant()));
        return new Next(Step.PICTURE, Optional.of(trimmed));
    }

    /** @param generated a generated avatar, or no picture */
    public Result choosePicture(DiscordUserId discordUserId, boolean generated) {
        Optional<Session> session = current(discordUserId, Step.PICTURE);
        if (session.isEmpty()) {
            return stale(discordUserId);
        }
        sessions.save(new Session(discordUserId, Step.BIO, session.get().nym(),
                Optional.of(generated ? PictureSource.GENERATED : PictureSource.NONE), Optional.empty(), session.get().startedAt(), clock.instant()));
        return new Next(Step.BIO, session.get().nym());
    }

    /**
     * Fetches and processes the member's own picture (which takes a moment: call it off the event
     * thread); refused with the reason when the address or the file is not acceptable.
     */
    public Result uploadPicture(DiscordUserId discordUserId, String url) {
        if (current(discordUserId, Step.PICTURE).isEmpty()) {
            return stale(discordUserId);
        }
        ProfilePicture picture;
        try {
            picture = pictures.fetch(url);
        } catch (PictureFetcher.Rejected e) {
            return new Refused(e.getMessage());
        }
        Optional<Session> session = current(discordUserId, Step.PICTURE); // the download took a while
        if (session.isEmpty()) {
            return stale(discordUserId);
        }
        sessions.save(new Session(discordUserId, Step.BIO, session.get().nym(), Optional.of(PictureSource.CUSTOM),
                Optional.of(picture), session.get().startedAt(), clock.instant()));
        return new Next(Step.BIO, session.get().nym());
    }

    /** Creates the profile with the answers and {@code bio} (sanitised; absent or blank: none). */
    public Result finish(DiscordUserId discordUserId, Optional<String> bio) {
        Optional<Session> session = current(discordUserId, Step.BIO);
        if (session.isEmpty()) {
            return stale(discordUserId);
        }
        Optional<RankedWallet> standing = links.walletOf(discordUserId).flatMap(rankings::find).filter(RankedWallet::member);
        if (standing.isEmpty()) {
            sessions.delete(discordUserId);
            return new Refused("Your linked wallet is no longer in the top 69, so the profile was not created.");
        }
        String nym = session.get().nym().orElseThrow();
        if (takenByAnother(nym, discordUserId)) {
            sessions.save(new Session(discordUserId, Step.NYM, Optional.empty(), Optional.empty(), Optional.empty(),
                    session.get().startedAt(), clock.instant()));
            return new Refused("Someone took the nym " + nym + " meanwhile. Please choose another.");
        }
        Instant now = clock.instant();
        Optional<String> sanitised = bio.flatMap(b -> Bio.sanitise(b, settings.maxBioLength()));
        Optional<MemberProfile> placeholder = members.byDiscordId(discordUserId);
        MemberId memberId;
        if (placeholder.isPresent()) {
            memberId = placeholder.get().memberId();
            members.completePlaceholder(memberId, nym, sanitised, now);
        } else {
            Role tier = standing.get().role() == Role.NAIB ? Role.NAIB : Role.FEDAYKIN;
            memberId = members.create(new Members.NewProfile(discordUserId, nym, tier, sanitised, Optional.empty(),
                    PictureSource.NONE), now).memberId();
        }
        Session answers = session.get();
        switch (answers.pictureType().orElse(PictureSource.NONE)) {
            case CUSTOM -> members.setCustomPicture(memberId, answers.picture().orElseThrow(),
                    pictures.customUrl(memberId, now), now);
            case GENERATED -> members.setPicture(memberId, PictureSource.GENERATED,
                    Optional.of(pictures.avatarUrl(memberId)), now);
            case NONE -> { }
        }
        members.completeOnboarding(memberId, now);
        sessions.delete(discordUserId);
        // a free seat, or one held with less BGT, is theirs now
        seats.reconcile(now, council -> NaibCouncil.apply(settings.naibSeats(), council, now));
        return new Done(members.byId(memberId).orElseThrow());
    }

    private boolean takenByAnother(String nym, DiscordUserId discordUserId) {
        return members.byNym(nym).filter(other -> !other.discordUserId().equals(discordUserId)).isPresent();
    }

    private Optional<Session> current(DiscordUserId discordUserId, Step step) {
        return sessions.find(discordUserId)
                .filter(s -> s.step() == step)
                .filter(s -> clock.instant().isBefore(s.updatedAt().plus(IDLE_TIMEOUT)));
    }

    private Result stale(DiscordUserId discordUserId) {
        Optional<Session> session = sessions.find(discordUserId);
        if (session.isPresent() && !clock.instant().isBefore(session.get().updatedAt().plus(IDLE_TIMEOUT))) {
            sessions.delete(discordUserId);
            return new Refused(TIMED_OUT);
        }
        if (members.byDiscordId(discordUserId).filter(MemberProfile::onboardingComplete).isPresent()) {
            return new Refused("Your profile is already set up.");
        }
        return new Refused(session.isPresent() ? "That step is already answered; use the latest message."
                : "There is no onboarding in progress. Run /onboard in the server to start.");
    }
}
