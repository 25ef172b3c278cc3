package dev.satchel.domain.file;

import java.util.Optional;

/** Out-port: tells a file's type from its first bytes, then its name, then what the client said. */
public interface MediaTypeDetector {

  /** How many leading bytes {@link #detect} wants to see. */
  int headLength();

  MediaType detect(byte[] head, FileName filename, Optional<String> declaredType);
}
