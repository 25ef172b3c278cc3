package dev.satchel.adapters.rest.content;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/** Hands a {@link FileRegionBody} to the HTTP server's sendfile, so its bytes never cross the heap. */
@Provider
@Produces(MediaType.WILDCARD)
public class FileRegionBodyWriter implements ServerMessageBodyWriter<FileRegionBody> {

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
    return FileRegionBody.class.equals(type);
  }

  @Override
  public void writeResponse(FileRegionBody body, Type genericType, ServerRequestContext context) {
    HttpServerResponse response = context instanceof ResteasyReactiveRequestContext request
        ? request.serverRequest().unwrap(HttpServerResponse.class)
        : null;
    if (response == null) {
      context.serverResponse().sendFile(body.file().toString(), body.offset(), body.length());
      return;
    }
    // Quarkus REST ignores a failed sendFile, which leaves the client waiting for the idle timeout;
    // a blob removed since the store looked at it (its owner deleting it meanwhile) must end the
    // exchange instead. Closing the connection is all that is left once the headers are decided.
    response.sendFile(body.file().toString(), body.offset(), body.length())
        .onFailure(failure -> response.reset());
  }

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return FileRegionBody.class.equals(type);
  }

  // Quarkus REST calls this instead of writeResponse only when a writer interceptor wraps the
  // body (none in Satchel today): then the region is copied into the given stream.
  @Override
  public void writeTo(FileRegionBody body, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    try (FileChannel channel = FileChannel.open(body.file(), StandardOpenOption.READ)) {
      WritableByteChannel target = Channels.newChannel(out);
      long sent = 0;
      while (sent < body.length()) {
        long n = channel.transferTo(body.offset() + sent, body.length() - sent, target);
        if (n <= 0) {
          throw new EOFException("the file ended before its region: " + body.file());
        }
        sent += n;
      }
    }
  }
}
