package dev.satchel.adapters.rest;

/** Shared wording for the OpenAPI document. */
public final class ApiResponses {
  public static final String BEARER = "bearer";

  private ApiResponses() {}
}
