package dev.satchel.adapters.rest.http;

import dev.satchel.adapters.rest.auth.AuthResource;
import dev.satchel.adapters.rest.event.EventResource;
import dev.satchel.adapters.rest.file.FileResource;
import dev.satchel.adapters.rest.share.PublicShareResource;
import dev.satchel.adapters.rest.share.ShareResource;
import dev.satchel.adapters.rest.share.page.ShareAssetsResource;
import dev.satchel.adapters.rest.share.page.ShareUnlockResource;
import dev.satchel.adapters.rest.upload.UploadResource;
import dev.satchel.adapters.rest.webhook.WebhookResource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods each resource path answers, read once from the JAX-RS resources, for the
 * {@code Allow} field (RFC 9110 §10.2.1) that a {@code 405} must carry (§15.5.6) and that an
 * {@code OPTIONS} answer lists.
 *
 * <p>Quarkus REST sends its {@code 405} without {@code Allow} and answers {@code OPTIONS} with every
 * method of the matched resource class, whatever its path ({@code OPTIONS /upload} listed
 * {@code DELETE}). Here a path's methods are those of its best-matching templates, the ones with
 * most literal characters (the first key of Jakarta REST 3.1 §3.7.2), plus {@code HEAD} where there
 * is {@code GET} and always {@code OPTIONS}, both of which Quarkus REST answers on its own. So
 * {@code /files/search} lists what search does, even though Quarkus REST, which matches per method,
 * would send a {@code DELETE} there to {@code /files/{file_id}} (and a 400 for that id).
 */
@Singleton
// A native image keeps the annotations read here only for registered classes; AllowedMethodsCoverTest
// fails when a resource is missing from this list.
@RegisterForReflection(methods = true, targets = {AuthResource.class, EventResource.class, FileResource.class,
    PublicShareResource.class, ShareResource.class, ShareAssetsResource.class, ShareUnlockResource.class,
    UploadResource.class, WebhookResource.class})
public class AllowedMethods {
  private final List<Route> routes;

  @Inject
  AllowedMethods(BeanManager beans) {
    this(resourceClasses(beans));
  }

  /** For tests: the routes of these resource classes. */
  public AllowedMethods(Collection<Class<?>> resources) {
    List<Route> found = new ArrayList<>();
    for (Class<?> resource : resources) {
      String base = pathOf(resource);
      for (Method method : resource.getMethods()) {
        httpMethod(method).ifPresent(verb -> found.add(new Route(join(base, pathOf(method)), verb)));
      }
    }
    this.routes = List.copyOf(found);
  }

  /**
   * The {@code Allow} value for a request path, such as {@code "DELETE, GET, HEAD, OPTIONS"}.
   *
   * @param path the decoded request path relative to the application root, with or without a
   *     leading slash
   * @return empty when no resource has this path
   */
  public Optional<String> forPath(String path) {
    String[] segments = segments(path);
    int bestLiterals = -1;
    Set<String> methods = new TreeSet<>();
    for (Route route : routes) {
      if (!route.matches(segments)) {
        continue;
      }
      if (route.literalCharacters() > bestLiterals) {
        bestLiterals = route.literalCharacters();
        methods.clear();
      }
      if (route.literalCharacters() == bestLiterals) {
        methods.add(route.method());
      }
    }
    if (methods.isEmpty()) {
      return Optional.empty();
    }
    if (methods.contains(HttpMethod.GET)) {
      methods.add(HttpMethod.HEAD);
    }
    methods.add(HttpMethod.OPTIONS);
    return Optional.of(String.join(", ", methods));
  }

  /** The JAX-RS resource classes among the application's beans. */
  public static List<Class<?>> resourceClasses(BeanManager beans) {
    List<Class<?>> resources = new ArrayList<>();
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
        resources.add(bean.getBeanClass());
      }
    }
    return resources;
  }

  private static Optional<String> httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return Optional.of(verb.value());
      }
    }
    return Optional.empty();
  }

  private static String pathOf(java.lang.reflect.AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    return path == null ? "" : path.value();
  }

  private static String join(String base, String sub) {
    return String.join("/", segmentsOf(base + "/" + sub));
  }

  private static String[] segments(String path) {
    return segmentsOf(path == null ? "" : path).toArray(String[]::new);
  }

  private static List<String> segmentsOf(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** One resource method: its full path template and its HTTP method. */
  private record Route(String[] template, String method, int literalCharacters) {
    Route(String template, String method) {
      this(segments(template), method, literals(template));
    }

    private static int literals(String template) {
      return template.replaceAll("\\{[^}]*}", "").length();
    }

    boolean matches(String[] path) {
      if (path.length != template.length) {
        return false;
      }
      for (int i = 0; i < path.length; i++) {
        boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
        if (!variable && !template[i].equals(path[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
