package dev.satchel.adapters.rest.content;

import java.util.Map;

/**
 * A download refused by its own HTTP conditions, not by the domain: a failed precondition (412,
 * RFC 9110 §15.5.13) or an unsatisfiable range (416, §15.5.17). The one problem mapper turns it
 * into problem+json carrying {@link #headers()} (validators, {@code Content-Range}).
 */
public final class ContentRequestRefused extends RuntimeException {
  private final int status;
  private final String title;
  private final String code;
  private final String field;
  private final Map<String, Object> headers;

  private ContentRequestRefused(int status, String title, String code, String field, String detail,
      Map<String, Object> headers) {
    super(detail, null, false, false); // an expected answer: no stack trace to fill
    this.status = status;
    this.title = title;
    this.code = code;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  static ContentRequestRefused preconditionFailed(String field, Map<String, Object> headers) {
    return new ContentRequestRefused(412, "Precondition Failed", "precondition-failed", field,
        "The file does not match the request's " + field + " condition.", headers);
  }

  static ContentRequestRefused rangeNotSatisfiable(long size, Map<String, Object> headers) {
    return new ContentRequestRefused(416, "Range Not Satisfiable", "range-not-satisfiable", "Range",
        "The requested range starts beyond the end of the file (" + size + " bytes).", headers);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String code() {
    return code;
  }

  /** The request header at fault. */
  public String field() {
    return field;
  }

  /** Response headers the refusal carries. */
  public Map<String, Object> headers() {
    return headers;
  }
}
