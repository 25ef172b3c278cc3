package dev.satchel.bootstrap.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /files/search and keyset paging, over files uploaded at controlled times. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class FileSearchTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  private String token;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private Instant firstUpload;

  /** Uploads {@code name} with {@code size} bytes, {@code daysAgo} days in the past. */
  private void upload(String name, int size, int daysAgo, byte[] content) {
    AdjustableClock.reset();
    AdjustableClock.advance(Duration.ofDays(-daysAgo));
    ids.put(name, Uploads.uploadedId(token, name, content != null ? content : new byte[size]));
    AdjustableClock.reset();
  }

  @BeforeEach
  void files() {
    token = Api.newUserToken();
    firstUpload = Instant.now().minus(Duration.ofDays(30));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    upload("Annual Report 2025.pdf", 300, 30, "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
    upload("holiday.png", 1000, 20, png);
    upload("100%_done.txt", 50, 10, null);
    upload("budget_2026.xlsx", 700, 5, null);
    upload("report-draft.txt", 120, 1, null);
  }

  @AfterEach
  void realTime() {
    AdjustableClock.reset();
  }

  private List<String> names(Map<String, ?> query) {
    return Api.as(token).queryParams(query).when().get("/files/search")
        .then().statusCode(200).extract().path("filename");
  }

  @Test
  void nameMatchesCaseInsensitiveSubstrings() {
    assertThat(names(Map.of("name", "REPORT"))).containsExactly("report-draft.txt", "Annual Report 2025.pdf");
  }

  @Test
  void likeWildcardsAreLiteral() {
    assertThat(names(Map.of("name", "%"))).containsExactly("100%_done.txt");
    assertThat(names(Map.of("name", "_"))).containsExactly("budget_2026.xlsx", "100%_done.txt");
    assertThat(names(Map.of("name", "\\"))).isEmpty();
  }

  @Test
  void sqlLookingInputIsInert() {
    assertThat(names(Map.of("name", "' OR '1'='1"))).isEmpty();
    assertThat(names(Map.of("name", "x'); DROP TABLE satchel.files; --"))).isEmpty();
    Api.as(token).when().get("/files").then().statusCode(200);
  }

  @Test
  void typeAcceptsExtensionsMimeTypesAndFamilies() {
    assertThat(names(Map.of("type", "pdf"))).containsExactly("Annual Report 2025.pdf");
    assertThat(names(Map.of("type", "application/pdf"))).containsExactly("Annual Report 2025.pdf");
    assertThat(names(Map.of("type", "image/*"))).containsExactly("holiday.png");
    assertThat(names(Map.of("type", "TXT"))).containsExactly("report-draft.txt", "100%_done.txt");
  }

  @Test
  void dateBoundsAreInclusiveAfterAndExclusiveBefore() {
    Instant holiday = Instant.parse(Api.as(token).when().get("/files/" + ids.get("holiday.png")).path("upload_date"));
    assertThat(names(Map.of("uploaded_after", holiday.toString()))).contains("holiday.png").doesNotContain("Annual Report 2025.pdf");
    assertThat(names(Map.of("uploaded_before", holiday.toString()))).containsExactly("Annual Report 2025.pdf");
    String dayAfterFirst = firstUpload.plus(Duration.ofDays(1)).toString().substring(0, 10);
    assertThat(names(Map.of("uploaded_before", dayAfterFirst))).containsExactly("Annual Report 2025.pdf");
  }

  @Test
  void sizeBoundsAreInclusive() {
    assertThat(names(Map.of("min_size", "120", "max_size", "700"))).containsExactly("report-draft.txt", "budget_2026.xlsx");
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(names(Map.of("name", "report", "type", "txt"))).containsExactly("report-draft.txt");
    assertThat(names(Map.of("name", "report", "type", "txt", "max_size", "100"))).isEmpty();
  }

  @Test
  void everySortKeyWorksBothWays() {
    assertThat(names(Map.of())).containsExactly(
        "report-draft.txt", "budget_2026.xlsx", "100%_done.txt", "holiday.png", "Annual Report 2025.pdf");
    assertThat(names(Map.of("sort", "upload_date", "order", "asc"))).containsExactly(
        "Annual Report 2025.pdf", "holiday.png", "100%_done.txt", "budget_2026.xlsx", "report-draft.txt");
    assertThat(names(Map.of("sort", "name"))).containsExactly(
        "100%_done.txt", "Annual Report 2025.pdf", "budget_2026.xlsx", "holiday.png", "report-draft.txt");
    assertThat(names(Map.of("sort", "name", "order", "desc"))).containsExactly(
        "report-draft.txt", "holiday.png", "budget_2026.xlsx", "Annual Report 2025.pdf", "100%_done.txt");
    // Sizes: the PDF has 15 bytes, the PNG 16, the others 50, 120 and 700.
    assertThat(names(Map.of("sort", "size"))).containsExactly(
        "Annual Report 2025.pdf", "holiday.png", "100%_done.txt", "report-draft.txt", "budget_2026.xlsx");
    assertThat(names(Map.of("sort", "size", "order", "desc"))).containsExactly(
        "budget_2026.xlsx", "report-draft.txt", "100%_done.txt", "holiday.png", "Annual Report 2025.pdf");
  }

  @Test
  void unparsableFiltersAre400NamingTheParameter() {
    Map<String, String> bad = Map.of(
        "uploaded_after", "yesterday", "uploaded_before", "2026-13-45", "min_size", "-1", "max_size", "ten",
        "sort", "color", "order", "sideways", "limit", "0", "type", "not a type!", "cursor", "garbage!!");
    bad.forEach((parameter, value) -> Api.as(token).queryParam(parameter, value).when().get("/files/search")
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(parameter)));
    Api.as(token).queryParam("limit", "1001").when().get("/files").then().statusCode(400).body("field", equalTo("limit"));
  }

  @Test
  void tamperedCursorIs400() {
    Response first = Api.as(token).queryParam("limit", 2).when().get("/files");
    String cursor = nextCursor(first.header("Link"));
    String tampered = cursor.substring(0, cursor.length() - 3) + (cursor.endsWith("AAA") ? "BBB" : "AAA");
    Api.as(token).queryParam("cursor", tampered).queryParam("limit", 2).when().get("/files")
        .then().statusCode(400).body("field", equalTo("cursor"));
    Api.as(token).queryParam("cursor", cursor).queryParam("sort", "size").when().get("/files/search")
        .then().statusCode(400).body("field", equalTo("cursor"));
  }

  @Test
  void pagingWalkNeverSkipsOrRepeatsWhileFilesComeAndGo() {
    for (String sort : List.of("upload_date", "name", "size")) {
      List<String> before = Api.as(token).queryParam("limit", 1000).when().get("/files").path("file_id");
      List<String> seen = new ArrayList<>();
      String deleted = null;
      String url = "/files/search?sort=" + sort + "&limit=2";
      for (int page = 0; url != null && page < 20; page++) {
        Response response = Api.as(token).when().get(url.replaceFirst("^https?://[^/]+", ""));
        response.then().statusCode(200);
        seen.addAll(response.path("file_id"));
        if (page == 0) {
          // Mid-walk changes: a file already seen is deleted and a new one is added.
          deleted = seen.get(0);
          Api.as(token).when().delete("/files/" + deleted).then().statusCode(204);
          Uploads.uploadedId(token, "zz-late-" + sort + ".txt", new byte[5]);
        }
        String link = response.header("Link");
        url = link == null ? null : NEXT.matcher(link).results().map(m -> m.group(1)).findFirst().orElse(null);
      }
      assertThat(seen).doesNotHaveDuplicates();
      assertThat(seen).containsAll(before);
      assertThat(seen).contains(deleted);
    }
  }

  @Test
  void anotherUsersFilesAreNeverReturned() {
    String other = Api.newUserToken();
    Uploads.uploadedId(other, "Annual Report OTHER.pdf", new byte[10]);
    assertThat(names(Map.of("name", "report"))).doesNotContain("Annual Report OTHER.pdf");
    List<String> theirs = Api.as(other).queryParam("name", "report").when().get("/files/search").then().extract().path("filename");
    assertThat(theirs).containsExactly("Annual Report OTHER.pdf");
  }

  @Test
  void listingPagesCarryANextLinkOnlyWhileMoreRemain() {
    Response first = Api.as(token).queryParam("limit", 3).when().get("/files");
    first.then().statusCode(200).body("size()", equalTo(3));
    String cursor = nextCursor(first.header("Link"));
    Response second = Api.as(token).queryParam("limit", 3).queryParam("cursor", cursor).when().get("/files");
    second.then().statusCode(200).body("size()", equalTo(2));
    assertThat(second.header("Link")).isNull();
  }

  /** The next page's address is a path: no Host a client sent (or a proxy rewrote) ends up in it. */
  @Test
  void theNextLinkIsAPathThatEchoesNoHost() {
    String link = Api.as(token).header("Host", "evil.example:666").queryParam("limit", 2)
        .when().get("/files").then().statusCode(200).extract().header("Link");
    assertThat(link).matches("^</files\\?[^>]*cursor=[^>]+>; rel=\"next\"$").doesNotContain("evil");
    String next = link.substring(1, link.indexOf('>'));
    Api.as(token).when().get(next).then().statusCode(200);
  }

  private static String nextCursor(String link) {
    Matcher m = Pattern.compile("cursor=([^&>]+)").matcher(link);
    assertThat(m.find()).isTrue();
    return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }
}
