/** Entities of the conferences module (registered in database/entities.ts). */
export const CONFERENCES_ENTITIES: Function[] = [];
