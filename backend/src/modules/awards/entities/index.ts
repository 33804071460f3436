import { AwardHistory } from './award-history.entity';
import { AwardType } from './award-type.entity';
import { UnitDisciplineFlag } from './unit-discipline-flag.entity';
import { UnitTitle } from './unit-title.entity';

/** Entities of the awards module (registered in database/entities.ts). */
export const AWARDS_ENTITIES: Function[] = [AwardType, UnitTitle, UnitDisciplineFlag, AwardHistory];
