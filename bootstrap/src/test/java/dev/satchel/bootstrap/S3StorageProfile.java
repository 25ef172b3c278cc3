package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs an end-to-end test class with S3 storage against an in-process S3Proxy. */
public class S3StorageProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(S3ProxyResource.class));
  }
}
