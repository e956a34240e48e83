package dev.sietch.core.port;

import dev.sietch.core.model.ProfilePicture;

/**
 * Downloads a picture a member points to and turns it into their {@link ProfilePicture}.
 * Implemented by the HTTP adapter.
 */
public interface PictureFetcher {

    /**
     * @param url what the member gave
     * @throws Rejected with a message for the member: the address is not allowed, the download
     *     failed, or the file is not an acceptable image
     */
    ProfilePicture fetch(String url) throws Rejected;

    /** Why a picture was not taken; the message is meant for the member. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String message) {
            super(message, null, false, false);
        }
    }
}
