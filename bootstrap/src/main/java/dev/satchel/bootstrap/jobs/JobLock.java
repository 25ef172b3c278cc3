package dev.satchel.bootstrap.jobs;

/**
 * The PostgreSQL advisory lock keys of the cluster-wide jobs, in one place so that no two jobs
 * share a key (a shared key would make one job skip its run whenever the other is running).
 */
enum JobLock {
  PURGE_DEAD_SHARES(0x5A7C_4E10_0001L),
  SWEEP_ORPHAN_BLOBS(0x5A7C_4E10_0002L),
  REWRAP_DATA_KEYS(0x5A7C_4E10_0003L),
  PURGE_OLD_EVENTS(0x5A7C_4E10_0004L),
  EXPIRE_UPLOADS(0x5A7C_4E10_0005L),
  PURGE_WEBHOOK_DELIVERIES(0x5A7C_4E10_0006L);

  final long key;

  JobLock(long key) {
    this.key = key;
  }
}
