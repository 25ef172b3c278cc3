package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers which shard directories this process has made durable (their entry fsynced in their
 * parent, and so on up to the root), so that a write into one of them syncs only its own directory.
 *
 * <p>Why it is correct with shards removed while writes run: a directory is marked only by a
 * write whose file is inside it at that moment, so the marked directory is the one that was synced;
 * and whoever removes a file forgets the file's directories before trying to remove them, so once
 * a directory is really removed (only possible when empty, hence after every marking write's file
 * is gone) no mark of it survives. A recreated directory is therefore never taken for durable
 * before a write syncs its parent again. Marks live in this process only, which is why a local
 * root must not be shared by two running processes that delete from it.
 *
 * <p>One bit per possible shard ({@code ab} and {@code ab/cd}: 65,792 bits, 8 KiB) instead of a
 * set of paths, so a store with every shard in use costs no more memory than an empty one.
 */
final class DurableDirectories {
  private static final int FIRST_LEVEL = 256;
  private static final int UNTRACKED = -1;

  private final Path root;
  private final AtomicLongArray bits = new AtomicLongArray((FIRST_LEVEL + FIRST_LEVEL * 256) / 64);

  DurableDirectories(Path root) {
    this.root = root;
  }

  /**
   * Makes the entry of {@code dir}, and of each ancestor below the root, durable unless this
   * process already did. The caller must hold a file inside {@code dir} while calling, so that
   * no directory on the way can be removed under it.
   */
  void ensure(Path dir) throws IOException {
    Path top = null;
    for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
      if (isKnown(d)) {
        break;
      }
      force(d.getParent());
      top = d;
    }
    // Marked only once the whole chain is synced: a mark promises every entry above it.
    for (Path d = dir; top != null && d != null; d = d.getParent()) {
      mark(d);
      if (d.equals(top)) {
        break;
      }
    }
  }

  /** Called before removing {@code dir}: a directory that may be recreated is durable no more. */
  void forget(Path dir) {
    int index = indexOf(dir);
    if (index != UNTRACKED) {
      bits.getAndUpdate(index >>> 6, word -> word & ~(1L << (index & 63)));
    }
  }

  boolean isKnown(Path dir) {
    int index = indexOf(dir);
    return index != UNTRACKED && (bits.get(index >>> 6) & (1L << (index & 63))) != 0;
  }

  private void mark(Path dir) {
    int index = indexOf(dir);
    if (index != UNTRACKED) {
      bits.getAndUpdate(index >>> 6, word -> word | (1L << (index & 63)));
    }
  }

  static void force(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  // Shards are two hex bytes deep (StorageKey); anything else is simply never remembered.
  private int indexOf(Path dir) {
    if (!dir.startsWith(root) || dir.equals(root)) {
      return UNTRACKED;
    }
    Path relative = root.relativize(dir);
    int count = relative.getNameCount();
    if (count > 2) {
      return UNTRACKED;
    }
    int first = hexByte(relative.getName(0));
    if (first < 0) {
      return UNTRACKED;
    }
    if (count == 1) {
      return first;
    }
    int second = hexByte(relative.getName(1));
    return second < 0 ? UNTRACKED : FIRST_LEVEL + first * 256 + second;
  }

  private static int hexByte(Path name) {
    String s = name.toString();
    if (s.length() != 2) {
      return -1;
    }
    int high = lowerHexDigit(s.charAt(0));
    int low = lowerHexDigit(s.charAt(1));
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }

  // Lower case only: "AB" would be another directory than "ab" and must not share its bit.
  private static int lowerHexDigit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
