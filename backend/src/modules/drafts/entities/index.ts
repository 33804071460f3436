import { DraftComment } from './draft-comment.entity';
import { DraftDocument } from './draft-document.entity';
import { DraftVersion } from './draft-version.entity';
import { PlanActivityRow } from './plan-activity.entity';

/** Entities of the drafts module (registered in database/entities.ts). */
export const DRAFTS_ENTITIES: Function[] = [DraftDocument, DraftVersion, DraftComment, PlanActivityRow];
