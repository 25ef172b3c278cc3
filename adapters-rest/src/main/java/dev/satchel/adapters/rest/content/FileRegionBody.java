package dev.satchel.adapters.rest.content;

import java.nio.file.Path;

/**
 * A response body that is a region of a local file, written by {@link FileRegionBodyWriter}
 * (sendfile, or one read for a small region). Unlike RESTEasy's {@code PathPart} it does not
 * stat the file four times on construction: the blob store has just done so once.
 */
record FileRegionBody(Path file, long offset, long length) {}
