import type { Actor, Role } from '../../common/actor';

/** Who reads the outbox of notification mail: admins only (the route admits these roles). */
export const OUTBOX_READERS: Role[] = ['admin'];

export const MailPolicy = {
  canReadOutbox: (actor: Pick<Actor, 'role'>): boolean => OUTBOX_READERS.includes(actor.role),
};
