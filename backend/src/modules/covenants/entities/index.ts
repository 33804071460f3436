/** Entities of the covenants module (registered in database/entities.ts). */
export const COVENANTS_ENTITIES: Function[] = [];
