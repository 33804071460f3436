import { CovenantSignature } from './covenant-signature.entity';
import { CovenantTarget } from './covenant-target.entity';
import { Covenant } from './covenant.entity';

/** Entities of the covenants module (registered in database/entities.ts). */
export const COVENANTS_ENTITIES: Function[] = [Covenant, CovenantTarget, CovenantSignature];
