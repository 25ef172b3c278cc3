package dev.satchel.adapters.rest.share;

/** Where public links point: the externally visible base URL, without a trailing slash. */
public record ShareSettings(String publicBaseUrl) {
  public ShareSettings {
    publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }
}
