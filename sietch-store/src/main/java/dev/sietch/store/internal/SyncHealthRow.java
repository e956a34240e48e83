package dev.sietch.store.internal;

import org.jspecify.annotations.Nullable;

record SyncHealthRow(@Nullable String lastSuccessAt, boolean inGracePeriod) {}
