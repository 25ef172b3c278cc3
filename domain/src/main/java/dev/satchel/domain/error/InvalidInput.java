package dev.satchel.domain.error;

/** A request value that the core cannot accept; names the offending field. */
public final class InvalidInput extends SatchelError {
  private final String field;

  public InvalidInput(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  public String code() {
    return "invalid-input";
  }
}
