/**
 * Who a write is done by, as the audit log and the content history name them: the staff member
 * in the admin panel (or the one who scheduled a publish), an API token, or the system (start-up
 * import, commands).
 */
import type { Core } from '@strapi/strapi';
import { actingStaff, type StaffMember } from './acting-staff';

export type Actor = { actorType: 'admin' | 'api-token' | 'system'; actorId: string | null; actorName: string | null };

type RequestState = {
  user?: { id: number; email?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
};

/** The person behind a scheduled publish. */
export const schedulerActor = (user: StaffMember): Actor => ({ actorType: 'admin', actorId: String(user.id), actorName: `scheduled by ${user.email ?? `user ${user.id}`}` });

export function actorOf(strapi: Core.Strapi): Actor {
  const staff = actingStaff(strapi);
  if (staff?.scheduled) return schedulerActor(staff.user);
  const state = strapi.requestContext.get()?.state as RequestState | undefined;
  if (state?.user?.email) return { actorType: 'admin', actorId: String(state.user.id), actorName: state.user.email };
  if (state?.auth?.strategy?.name === 'content-api-token' && state.auth.credentials) {
    return { actorType: 'api-token', actorId: String(state.auth.credentials.id ?? ''), actorName: state.auth.credentials.name ?? null };
  }
  return { actorType: 'system', actorId: null, actorName: null };
}
