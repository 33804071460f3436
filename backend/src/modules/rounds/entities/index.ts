/** Entities of the rounds module (registered in database/entities.ts). */
export const ROUNDS_ENTITIES: Function[] = [];
