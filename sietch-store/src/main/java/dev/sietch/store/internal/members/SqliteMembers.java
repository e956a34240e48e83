package dev.sietch.store.internal.members;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.PromptOutcome;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Profiles (member_profile), their pictures and the migration prompts of placeholders. */
public final class SqliteMembers implements Members {

    private final Database db;

    public SqliteMembers(Database db) {
        this.db = db;
    }

    @Override
    public Optional<MemberProfile> byNym(String nym) {
        return db.read(h -> h.attach(MemberDao.class).byNym(nym).map(ProfileRow::profile));
    }

    @Override
    public Optional<MemberProfile> byId(MemberId memberId) {
        return db.read(h -> h.attach(MemberDao.class).byId(memberId.value()).map(ProfileRow::profile));
    }

    @Override
    public Optional<MemberProfile> byDiscordId(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(MemberDao.class).byDiscordId(discordUserId.wire()).map(ProfileRow::profile));
    }

    @Override
    public DirectoryPage directory(DirectoryQuery query) {
        return db.read(h -> Directory.page(h, query));
    }

    @Override
    public List<MemberProfile> leaderboard(int limit) {
        return db.read(h -> profiles(h.attach(MemberDao.class).leaderboard(limit)));
    }

    @Override
    public int onboardedCount() {
        return db.read(h -> h.attach(MemberDao.class).onboardedCount());
    }

    @Override
    public MemberProfile create(NewProfile profile, Instant at) {
        return insertProfile(profile.discordUserId(), profile.nym(), profile.tier(), profile.bio(), profile.pfpUrl(),
                profile.pfpType(), at, at, "profile_creation");
    }

    @Override
    public MemberProfile createPlaceholder(DiscordUserId discordUserId, String nym, Role tier, Instant memberSince, Instant at) {
        return insertProfile(discordUserId, nym, tier, Optional.empty(), Optional.empty(), PictureSource.NONE, memberSince, at,
                "v1_migration");
    }

    private MemberProfile insertProfile(DiscordUserId discordUserId, String nym, Role tier, Optional<String> bio,
            Optional<String> pfpUrl, PictureSource pfpType, Instant memberSince, Instant at, String source) {
        String id = UUID.randomUUID().toString();
        String now = Timestamps.format(at);
        db.write(h -> {
            h.attach(MemberDao.class).insert(id, discordUserId.wire(), nym, bio.orElse(null), pfpUrl.orElse(null), pfpType.wireName(),
                    tier.wireName(), Timestamps.format(memberSince), now);
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", id);
            data.put("tier", tier.wireName());
            data.put("source", source);
            AuditWriter.write(h, new AuditEntry("member_added", data), now);
            return null;
        });
        return byId(new MemberId(id)).orElseThrow();
    }

    @Override
    public List<MemberProfile> searchNyms(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read(h -> profiles(h.attach(MemberDao.class).nymsLike(pattern, limit)));
    }

    @Override
    public List<MemberProfile> unpromptedPlaceholders(int limit) {
        return db.read(h -> profiles(h.attach(MemberDao.class).unpromptedPlaceholders(limit)));
    }

    @Override
    public int placeholderCount() {
        return db.read(h -> h.attach(MemberDao.class).placeholderCount());
    }

    @Override
    public void recordPrompt(MemberId memberId, PromptOutcome outcome, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            h.attach(MemberDao.class).recordPrompt(memberId.value(), now, outcome.wireName());
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId.value());
            data.put("outcome", outcome.wireName());
            AuditWriter.write(h, new AuditEntry("migration_prompt_sent", data), now);
            return null;
        });
    }

    @Override
    public void completeOnboarding(MemberId memberId, Instant at) {
        db.write(h -> h.attach(MemberDao.class).completeOnboarding(memberId.value(), Timestamps.format(at)));
    }

    @Override
    public Optional<Instant> nymLastChanged(MemberId memberId) {
        return db.read(h -> h.attach(MemberDao.class).nymLastChanged(memberId.value()).map(Timestamps::parse));
    }

    @Override
    public void changeNym(MemberId memberId, String nym, Instant at) {
        db.write(h -> h.attach(MemberDao.class).changeNym(memberId.value(), nym, Timestamps.format(at)));
    }

    @Override
    public void changeBio(MemberId memberId, Optional<String> bio, Instant at) {
        db.write(h -> h.attach(MemberDao.class).changeBio(memberId.value(), bio.orElse(null), Timestamps.format(at)));
    }

    @Override
    public void setPicture(MemberId memberId, PictureSource pfpType, Optional<String> pfpUrl, Instant at) {
        if (pfpType == PictureSource.CUSTOM) {
            throw new IllegalArgumentException("a custom picture is stored with setCustomPicture");
        }
        db.write(h -> {
            var dao = h.attach(MemberDao.class);
            dao.deletePicture(memberId.value());
            return dao.setPicture(memberId.value(), pfpType.wireName(), pfpUrl.orElse(null), Timestamps.format(at));
        });
    }

    @Override
    public void setCustomPicture(MemberId memberId, ProfilePicture picture, String url, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            var dao = h.attach(MemberDao.class);
            dao.putPicture(memberId.value(), picture.webp(), picture.size(), now);
            return dao.setPicture(memberId.value(), PictureSource.CUSTOM.wireName(), url, now);
        });
    }

    @Override
    public Optional<ProfilePicture> customPicture(MemberId memberId) {
        return db.read(h -> h.attach(MemberDao.class).picture(memberId.value())
                .map(row -> new ProfilePicture(row.webp(), row.size())));
    }

    @Override
    public void completePlaceholder(MemberId memberId, String nym, Optional<String> bio, Instant at) {
        db.write(h -> h.attach(MemberDao.class).completePlaceholder(memberId.value(), nym, bio.orElse(null),
                Timestamps.format(at)));
    }

    private static List<MemberProfile> profiles(List<ProfileRow> rows) {
        return rows.stream().map(ProfileRow::profile).toList();
    }
}
