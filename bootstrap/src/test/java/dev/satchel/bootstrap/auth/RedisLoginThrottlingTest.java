package dev.satchel.bootstrap.auth;

import dev.satchel.bootstrap.RedisCacheProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Login throttling, parallel guesses included, with the attempt counters in the real Redis. */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
class RedisLoginThrottlingTest extends LoginThrottlingTest {}
