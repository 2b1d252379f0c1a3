/**
 * The staff member a write is done for: the admin-panel user of the request, or, for a
 * scheduled publish (no request), the person who scheduled it. The publish rule, the shared-
 * field rule and the audit log all ask here, so a scheduled publish is judged and recorded as
 * its scheduler's own act.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

export type StaffMember = { id: number; email?: string };
export type ActingStaff = { user: StaffMember; userAbility: unknown; scheduled: boolean };

type AdminState = { user?: StaffMember; userAbility?: unknown; route?: { info?: { type?: string } } };

const onBehalf = new AsyncLocalStorage<ActingStaff>();

/** Runs `task` as done by `staff` (the scheduler of a scheduled publish). */
export const actOnBehalfOf = <T>(staff: Omit<ActingStaff, 'scheduled'>, task: () => Promise<T>): Promise<T> => onBehalf.run({ ...staff, scheduled: true }, task);

export function actingStaff(strapi: Core.Strapi): ActingStaff | undefined {
  const scheduled = onBehalf.getStore();
  if (scheduled) return scheduled;
  const state = strapi.requestContext.get()?.state as AdminState | undefined;
  if (!state?.user || !state.userAbility || state.route?.info?.type !== 'admin') return undefined;
  return { user: state.user, userAbility: state.userAbility, scheduled: false };
}

type Check = (entity?: object) => boolean;
type PermissionChecker = { can: { create: Check; update: Check; publish: Check } };

/** The Content Manager's own permission checks (conditions included) for this staff member. */
export const permissionsOf = (strapi: Core.Strapi, staff: Pick<ActingStaff, 'userAbility'>, uid: string): PermissionChecker =>
  strapi.plugin('content-manager').service('permission-checker').create({ userAbility: staff.userAbility, model: uid });
