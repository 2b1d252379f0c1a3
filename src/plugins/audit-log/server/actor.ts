/**
 * Who a write is done for when no request carries a person: the scheduler publishes on behalf
 * of the editor who scheduled. `runAs` gives that person to the audit log for the duration of
 * one call (service `plugin::audit-log.actor`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type ScheduledActor = { actorType: 'schedule'; actorId: string; actorName: string | null };

const acting = new AsyncLocalStorage<ScheduledActor>();

export const currentScheduledActor = (): ScheduledActor | undefined => acting.getStore();

export default () => ({
  runAs: <T>(actor: ScheduledActor, work: () => Promise<T>): Promise<T> => acting.run(actor, work),
});
