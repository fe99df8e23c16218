import { isNationalAdmin, type Actor } from './actor.ts';

/**
 * Notifications are the signed-in user's own: every role has a notification
 * centre, and the services read and mark only the actor's rows (another
 * user's notification is not found). Templates are the national admin's.
 */
export const notificationPolicy = {
  own: 'signed-in' as const,
  templates: (actor: Actor): boolean => isNationalAdmin(actor),
};
