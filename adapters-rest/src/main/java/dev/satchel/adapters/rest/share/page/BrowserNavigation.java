package dev.satchel.adapters.rest.share.page;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides from an {@code Accept} header whether a request is a person's browser navigating to a
 * link (which gets a page) or a program fetching it (which gets the bytes). Decided here in code,
 * not by JAX-RS method selection, where {@code Accept: *}{@code /*} could pick either.
 */
public final class BrowserNavigation {
  // RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
  private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
  private static final int MAX_HEADER = 4096;

  private BrowserNavigation() {}

  /**
   * True when {@code accept} names {@code text/html} itself (not only through {@code *}{@code /*}
   * or {@code text/*}) with a q-value above 0 that no other listed range exceeds, as browsers send
   * on navigation ({@code text/html,application/xhtml+xml,...,*}{@code /*;q=0.8}). False for
   * {@code *}{@code /*} (curl, wget), a missing or unparsable header, and anything overlong.
   */
  public static boolean prefersHtml(String accept) {
    if (accept == null || accept.length() > MAX_HEADER) {
      return false;
    }
    double html = 0;
    double best = 0;
    for (String range : accept.split(",", -1)) {
      String[] parts = range.split(";", -1);
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      double q = quality(parts);
      if (type.equals("text/html")) {
        html = Math.max(html, q);
      }
      best = Math.max(best, q);
    }
    return html > 0 && html >= best;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
        String value = parameter.substring(2).strip();
        // A malformed weight counts as "not acceptable": never a reason to show a page.
        return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 0;
      }
    }
    return 1;
  }
}
