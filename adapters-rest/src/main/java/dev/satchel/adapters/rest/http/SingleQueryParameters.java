package dev.satchel.adapters.rest.http;

import dev.satchel.domain.error.InvalidInput;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that the matched endpoint reads when it appears more than once, with a
 * 400 naming it: which of {@code limit=1&limit=1000} a client meant is a guess, and JAX-RS would
 * silently take the first. Parameters the endpoint does not read are ignored, repeated or not.
 */
public class SingleQueryParameters {
  private final Map<Method, List<String>> readByMethod = new ConcurrentHashMap<>();

  // Non-blocking, like the other request filters, and ahead of the rate limit: a malformed
  // request costs no token.
  @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION)
  public void refuseRepeats(HttpServerRequest request, ResourceInfo resource) {
    if (request.query() == null || resource.getResourceMethod() == null) {
      return; // most requests: nothing to check, and no query string parsed
    }
    List<String> read = readByMethod.computeIfAbsent(resource.getResourceMethod(), SingleQueryParameters::queryNames);
    for (String name : read) {
      if (request.params().getAll(name).size() > 1) {
        throw new InvalidInput(name, name + " appears more than once in the query; send it once.");
      }
    }
  }

  private static List<String> queryNames(Method method) {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      if (query != null) {
        names.add(query.value());
      }
    }
    return List.copyOf(names);
  }
}
