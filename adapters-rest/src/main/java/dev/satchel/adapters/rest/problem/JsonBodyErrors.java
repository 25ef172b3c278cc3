package dev.satchel.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Explains why Jackson refused a request body, in the client's terms: the {@code field} as it is
 * spelled on the wire ({@code max_downloads}, {@code items[2].name}) and a detail saying what was
 * wrong with it. Jackson's own messages are never passed on: they name Java classes.
 */
final class JsonBodyErrors {
  /** Longest field path echoed back; a hostile client may send megabyte-long keys. */
  private static final int MAX_FIELD_LENGTH = 100;

  private JsonBodyErrors() {}

  static Problem problem(JsonProcessingException e, String instance) {
    String field = field(e);
    return Problem.of(400, "Bad Request", "malformed-body", detail(e, field), instance, field);
  }

  private static String detail(JsonProcessingException e, String field) {
    String subject = field == null ? "The request body" : field;
    if (e instanceof UnrecognizedPropertyException) {
      return subject + " is not a field of this request.";
    }
    if (isDuplicate(e)) {
      return subject + " appears more than once.";
    }
    if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException
        || e instanceof InputCoercionException) {
      return subject + " is out of range.";
    }
    if (e instanceof MismatchedInputException mismatch) {
      if (mismatch.getPath().isEmpty() && mismatch.getOriginalMessage() != null
          && mismatch.getOriginalMessage().startsWith("Trailing token")) {
        return "The request body has content after its JSON value.";
      }
      return subject + " must be " + expected(mismatch.getTargetType()) + ".";
    }
    return "The request body is not valid JSON.";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of the expected type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class || type == BigInteger.class) {
      return "a whole number (no fraction, no quotes)";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }

  /** The offending field as on the wire, or null when the body as a whole is at fault. */
  static String field(JsonProcessingException e) {
    String path = null;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      path = fromReferences(mapping.getPath());
    } else if (e.getProcessor() instanceof JsonParser parser) {
      path = fromContext(parser.getParsingContext());
    }
    if (path == null || path.isEmpty()) {
      return null;
    }
    return path.length() > MAX_FIELD_LENGTH ? path.substring(0, MAX_FIELD_LENGTH) + "…" : path;
  }

  private static String fromReferences(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return withoutLeadingDot(path.toString());
  }

  // Parser failures (a duplicate key, a number too large to read) carry no mapping path, but the
  // parser still knows where it stood.
  private static String fromContext(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inObject() && at.getCurrentName() != null) {
        parts.push("." + at.getCurrentName());
      } else if (at.inArray() && at.getCurrentIndex() >= 0) {
        parts.push("[" + at.getCurrentIndex() + "]");
      }
    }
    return withoutLeadingDot(String.join("", parts));
  }

  private static String withoutLeadingDot(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static boolean isDuplicate(JsonProcessingException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
  }
}
