import { env } from '../src/env';
import cronTasks from './cron-tasks';

export default () => ({
  host: env.HOST,
  port: env.PORT,
  url: env.PUBLIC_URL,
  app: { keys: env.APP_KEYS },
  proxy: { koa: env.TRUST_PROXY },
  // Offline by design: no update checks against the internet.
  logger: { updates: { enabled: false } },
  cron: { enabled: true, tasks: cronTasks },
});
