package dev.satchel.adapters.storage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link S3UploadStaging} keeps in an upload's row, as text: the multipart upload id, the
 * parts recorded so far (number, bytes, ETag), and the tail below the minimum part size, staged as
 * an object of its own (key and bytes), if any; and whether the multipart upload was completed
 * (sealed), after which its parts are one object and the multipart id is gone.
 */
record S3StagingState(String multipartId, List<Part> parts, Optional<String> tailKey, long tailBytes, boolean sealed) {

  /** One uploaded part of the multipart upload. */
  record Part(int number, long bytes, String etag) {}

  S3StagingState {
    parts = List.copyOf(parts);
  }

  S3StagingState seal() {
    return new S3StagingState(multipartId, parts, tailKey, tailBytes, true);
  }

  long partBytes() {
    return parts.stream().mapToLong(Part::bytes).sum();
  }

  long offset() {
    return partBytes() + tailBytes;
  }

  String format() {
    StringBuilder text = new StringBuilder(multipartId).append('\n')
        .append(tailKey.orElse("-")).append(' ').append(tailBytes).append(sealed ? " sealed" : "").append('\n');
    parts.forEach(p -> text.append(p.number()).append(' ').append(p.bytes()).append(' ').append(p.etag()).append('\n'));
    return text.toString();
  }

  static S3StagingState parse(String text) {
    String[] lines = text.split("\n");
    String[] tail = lines[1].split(" ");
    List<Part> parts = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      String[] p = lines[i].split(" ", 3);
      parts.add(new Part(Integer.parseInt(p[0]), Long.parseLong(p[1]), p[2]));
    }
    Optional<String> tailKey = tail[0].equals("-") ? Optional.empty() : Optional.of(tail[0]);
    boolean sealed = tail.length > 2 && tail[2].equals("sealed");
    return new S3StagingState(lines[0], parts, tailKey, Long.parseLong(tail[1]), sealed);
  }
}
