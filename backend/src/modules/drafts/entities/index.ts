/** Entities of the drafts module (registered in database/entities.ts). */
export const DRAFTS_ENTITIES: Function[] = [];
