package dev.satchel.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.rest.auth.AuthResource;
import dev.satchel.adapters.rest.event.EventResource;
import dev.satchel.adapters.rest.file.FileResource;
import dev.satchel.adapters.rest.share.PublicShareResource;
import dev.satchel.adapters.rest.share.ShareResource;
import dev.satchel.adapters.rest.share.page.ShareAssetsResource;
import dev.satchel.adapters.rest.share.page.ShareUnlockResource;
import dev.satchel.adapters.rest.upload.UploadResource;
import dev.satchel.adapters.rest.webhook.WebhookResource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each path's methods, read from Satchel's own resource classes. */
class AllowedMethodsTest {
  private static final String ID = "0192f4b6-3c1d-7a2e-9f10-1234567890ab";

  private final AllowedMethods allowed = new AllowedMethods(List.of(AuthResource.class, EventResource.class,
      FileResource.class, PublicShareResource.class, ShareResource.class, ShareAssetsResource.class,
      ShareUnlockResource.class, UploadResource.class, WebhookResource.class));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "/upload                       | OPTIONS, POST",
      "/login                        | OPTIONS, POST",
      "register                      | OPTIONS, POST",
      "/files                        | GET, HEAD, OPTIONS",
      "/files/                       | GET, HEAD, OPTIONS",
      // a literal segment beats a template (Jakarta REST §3.7.2): search is no file id
      "/files/search                 | GET, HEAD, OPTIONS",
      "/files/" + ID + "             | DELETE, GET, HEAD, OPTIONS",
      "/files/" + ID + "/content     | GET, HEAD, OPTIONS",
      "/files/" + ID + "/share       | OPTIONS, POST",
      "/files/" + ID + "/shares      | GET, HEAD, OPTIONS",
      "/shares/" + ID + "            | DELETE, OPTIONS",
      "/share/abc                    | GET, HEAD, OPTIONS",
      "/share/abc/unlock             | OPTIONS, POST",
      "/share-assets/share.css       | GET, HEAD, OPTIONS",
      "/uploads                      | OPTIONS, POST",
      "/uploads/" + ID + "           | DELETE, HEAD, OPTIONS, PATCH, POST",
      "/webhooks                     | GET, HEAD, OPTIONS, POST",
      "/webhooks/" + ID + "          | DELETE, OPTIONS",
      "/webhooks/" + ID + "/deliveries | GET, HEAD, OPTIONS",
      "/events                       | GET, HEAD, OPTIONS",
      "/events/ticket                | OPTIONS, POST"})
  void eachPathListsItsOwnMethods(String path, String methods) {
    assertThat(allowed.forPath(path)).contains(methods);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "", "/nothing", "/files/" + ID + "/content/more", "/share", "/uploads/a/b",
      "/q/health", "/share-assets/other.css"})
  void aPathNoResourceHasGetsNone(String path) {
    assertThat(allowed.forPath(path)).isEmpty();
  }
}
