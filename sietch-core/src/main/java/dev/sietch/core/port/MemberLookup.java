package dev.sietch.core.port;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import java.util.Optional;

/** Finds a member's profile by member id: all that most use cases need of {@link Members}. */
@FunctionalInterface
public interface MemberLookup {

    Optional<MemberProfile> byId(MemberId memberId);
}
