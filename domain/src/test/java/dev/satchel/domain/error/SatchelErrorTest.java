package dev.satchel.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SatchelErrorTest {
  private static RateLimited rateLimited() {
    RateLimitPolicy policy = new RateLimitPolicy(5, Duration.ofMinutes(1));
    RateLimitStatus refused = new RateLimitStatus("upload",
        RateLimitDecision.of(policy, false, 0, Duration.ofSeconds(12)));
    return new RateLimited(refused, List.of(refused));
  }

  private static final List<SatchelError> ONE_OF_EACH = List.of(
      new InvalidInput("field", "reason"),
      new EmailAlreadyRegistered(),
      new InvalidCredentials(),
      new TooManyAttempts(Duration.ofSeconds(5)),
      new FileNotFound(),
      new FileTooLarge(10),
      new QuotaExceeded(100),
      new UploadIncomplete("cut off", null),
      new ShareNotFound(),
      new ShareGone(ShareGone.Reason.EXPIRED),
      SharePasswordRejected.missing(),
      new StorageUnavailable("down", null),
      new StorageFull(null),
      new UploadTimedOut("too slow"),
      new TooManyUploads(8, Duration.ofSeconds(10)),
      new UploadCapacityReached(Duration.ofSeconds(10)),
      rateLimited(),
      new EncryptionKeyUnavailable(),
      new UploadNotFound(),
      new UploadOffsetMismatch(5),
      new UploadBusy(),
      new UploadChecksumMismatch(),
      new WebhookNotFound());

  @Test
  void theListBelowCoversEveryPermittedSubclass() {
    Set<Class<?>> permitted = Set.of(SatchelError.class.getPermittedSubclasses());

    assertThat(ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(permitted);
  }

  @Test
  void everyErrorHasItsOwnCode() {
    List<String> codes = ONE_OF_EACH.stream().map(SatchelError::code).toList();

    assertThat(codes).doesNotHaveDuplicates().hasSize(SatchelError.class.getPermittedSubclasses().length);
  }

  @Test
  void codesAreKebabCase() {
    assertThat(ONE_OF_EACH).allSatisfy(e -> assertThat(e.code()).matches("[a-z]+(-[a-z]+)*"));
  }

  @Test
  void errorsAreExpectedOutcomesWithoutStackTraces() {
    assertThat(ONE_OF_EACH).allSatisfy(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void errorsCarryTheirData() {
    assertThat(new InvalidInput("expires_in", "too long").field()).isEqualTo("expires_in");
    assertThat(new TooManyAttempts(Duration.ofSeconds(7)).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(new FileTooLarge(1024).maxBytes()).isEqualTo(1024);
    assertThat(new QuotaExceeded(2048).quotaBytes()).isEqualTo(2048);
    assertThat(new ShareGone(ShareGone.Reason.REVOKED).reason()).isEqualTo(ShareGone.Reason.REVOKED);
    assertThat(new TooManyUploads(8, Duration.ofSeconds(3)).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(new UploadCapacityReached(Duration.ofSeconds(4)).retryAfter()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aMissingAndAWrongSharePasswordAreToldApart() {
    SharePasswordRejected missing = SharePasswordRejected.missing();
    SharePasswordRejected incorrect = SharePasswordRejected.incorrect();

    assertThat(missing.passwordGiven()).isFalse();
    assertThat(incorrect.passwordGiven()).isTrue();
    assertThat(missing.code()).isEqualTo("share-password-required");
    assertThat(incorrect.code()).isEqualTo("share-password-incorrect").matches("[a-z]+(-[a-z]+)*");
    assertThat(incorrect.getMessage()).isNotEqualTo(missing.getMessage());
  }

  @Test
  void everyShareGoneReasonHasItsOwnMessage() {
    List<String> messages = List.of(ShareGone.Reason.values()).stream()
        .map(reason -> new ShareGone(reason).getMessage())
        .toList();

    assertThat(messages).doesNotContainNull().doesNotHaveDuplicates();
  }
}
