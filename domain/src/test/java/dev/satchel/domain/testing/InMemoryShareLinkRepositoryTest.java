package dev.satchel.domain.testing;

import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareLinkRepositoryContractTest;

class InMemoryShareLinkRepositoryTest extends ShareLinkRepositoryContractTest {
  @Override
  protected ShareLinkRepository newRepository() {
    return new InMemoryShareLinkRepository();
  }
}
