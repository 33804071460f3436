/** Entities of the scoring module (registered in database/entities.ts). */
export const SCORING_ENTITIES: Function[] = [];
