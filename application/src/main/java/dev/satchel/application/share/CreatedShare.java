package dev.satchel.application.share;

import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;

/** A new link together with its clear-text token, which exists only in this answer. */
public record CreatedShare(ShareLink link, ShareToken token) {}
