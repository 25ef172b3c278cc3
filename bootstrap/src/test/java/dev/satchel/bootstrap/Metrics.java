package dev.satchel.bootstrap;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the Prometheus endpoint. */
public final class Metrics {
  private Metrics() {}

  /** The value of the first sample of {@code name} (labelled or not) that carries every given label. */
  public static double value(String name, String... labels) {
    String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : text.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= line.contains(label);
      }
      if (all) {
        Matcher m = Pattern.compile("(?:}|" + Pattern.quote(name) + ")\\s+(\\S+)$").matcher(line);
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
    }
    return 0;
  }
}
