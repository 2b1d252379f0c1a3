/**
 * Which instance this is, when several serve one database: named in the audit log and in the
 * logs of work one instance does for all (scheduled publishing).
 */
import os from 'node:os';
import { env } from '../env';

/** INSTANCE_NAME, or the host name and process id (unique among the instances alive at once). */
export const instanceName = (): string => env.INSTANCE_NAME ?? `${os.hostname()}:${process.pid}`.slice(0, 64);
