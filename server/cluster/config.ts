/** The cluster's settings, read from the environment (documented in docs/operations.md, "Several instances"). */

export interface ClusterConfig {
  /** redis://… ; set, it turns the cluster on. */
  redisUrl: string;
  /** Share (0–1) of incoming update messages dropped on purpose (tests only: PARCOURS_TEST_DROP_PUBSUB). */
  dropShare: number;
  /** This instance's name on the bus (INSTANCE_ID; random when unset). */
  instanceId?: string;
}

/**
 * The cluster settings, or null when REDIS_URL is unset (one instance, as before). Throws with a
 * readable message on bad values. Instances share their boards through the store: PostgreSQL
 * (DATABASE_URL) across machines, or, on one machine only, the same DATA_DIR (SQLite in WAL
 * mode takes several processes on one local file, never over a network filesystem).
 */
export function loadClusterConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig | null {
  const redisUrl = env.REDIS_URL?.trim() ?? '';
  if (redisUrl === '') return null;
  if (!/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  const drop = env.PARCOURS_TEST_DROP_PUBSUB?.trim() ?? '';
  const dropShare = drop === '' ? 0 : Number(drop);
  if (!Number.isFinite(dropShare) || dropShare < 0 || dropShare > 1)
    throw new Error(`PARCOURS_TEST_DROP_PUBSUB must be a number between 0 and 1, got "${drop}"`);
  const instanceId = env.INSTANCE_ID?.trim();
  if (instanceId !== undefined && instanceId !== '' && !/^[\w.-]{1,64}$/.test(instanceId))
    throw new Error(`INSTANCE_ID must be 1 to 64 letters, digits, dots, dashes or underscores, got "${instanceId}"`);
  return { redisUrl, dropShare, instanceId: instanceId === '' ? undefined : instanceId };
}
