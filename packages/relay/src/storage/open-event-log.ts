import { MemoryEventLog, type EventLog } from '../event-log.js';
import { FileEventLog } from './file-event-log.js';
import { RedisEventLog } from './redis-event-log.js';

/** Where a relay stores its shows and events: at most one of these. */
export interface StorageOptions {
  /** A data directory: a {@link FileEventLog}, which survives a restart (one process). */
  dataDir?: string;
  /** A Redis URL: a {@link RedisEventLog}, shared by every relay process of a deployment. */
  redisUrl?: string;
  /** Any other {@link EventLog}. */
  eventLog?: EventLog;
}

/** The event log the options name; a {@link MemoryEventLog} when they name none. */
export function openEventLog(options: StorageOptions): EventLog {
  const named = (['eventLog', 'dataDir', 'redisUrl'] as const).filter((name) => options[name]);
  if (named.length > 1) throw new Error(`Give the relay one place to store events, not ${named.join(' and ')}.`);
  if (options.eventLog) return options.eventLog;
  if (options.dataDir) return new FileEventLog({ dir: options.dataDir });
  if (options.redisUrl) return new RedisEventLog({ url: options.redisUrl });
  return new MemoryEventLog();
}
