/**
 * Starting an instance's cluster membership from its configuration: what server/app.ts calls
 * when REDIS_URL is set (see node.ts for what the registry and the rooms call afterwards).
 */
import type { Logger } from '../log';
import { ClusterBus } from './bus';
import type { ClusterConfig } from './config';
import { ClusterNode, type ClusterStore } from './node';

export { loadClusterConfig, type ClusterConfig } from './config';
export { ClusterNode, type ClusterRoom, type ClusterStore } from './node';

/** What GET /healthz adds for an instance of a cluster. */
export interface ClusterHealth {
  instance: string;
  redis: 'ok' | 'unreachable';
}

/** Joins the cluster. Resolves at once, Redis or not: the instance serves its clients meanwhile. */
export async function startCluster(config: ClusterConfig, store: ClusterStore, log: Logger): Promise<ClusterNode> {
  const bus = await ClusterBus.connect({ url: config.redisUrl, log, instanceId: config.instanceId, dropShare: config.dropShare });
  if (config.dropShare > 0)
    log.warn('dropping a share of the cluster messages on purpose (PARCOURS_TEST_DROP_PUBSUB)', { share: config.dropShare });
  log.info('joined the cluster', { instance: bus.instanceId });
  return new ClusterNode({ bus, store, log });
}

/** The cluster part of /healthz: this instance's name and whether Redis answers now. */
export async function clusterHealth(node: ClusterNode): Promise<ClusterHealth> {
  return { instance: node.instanceId, redis: (await node.redisHealthy()) ? 'ok' : 'unreachable' };
}
