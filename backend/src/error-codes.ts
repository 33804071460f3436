import { COMMON_ERROR_CODES, ErrorCode } from './common/error-codes';
import { ACCOUNTS_ERROR_CODES } from './modules/accounts/errors';
import { AUTH_ERROR_CODES } from './modules/auth/errors';
import { AWARDS_ERROR_CODES } from './modules/awards/errors';
import { BALLOTS_ERROR_CODES } from './modules/ballots/errors';
import { BLOCK_YEARS_ERROR_CODES } from './modules/block-years/errors';
import { BLOCKS_ERROR_CODES } from './modules/blocks/errors';
import { CONFERENCES_ERROR_CODES } from './modules/conferences/errors';
import { COVENANTS_ERROR_CODES } from './modules/covenants/errors';
import { DRAFTS_ERROR_CODES } from './modules/drafts/errors';
import { IMPORTS_ERROR_CODES } from './modules/imports/errors';
import { NEWS_ERROR_CODES } from './modules/news/errors';
import { PROPOSALS_ERROR_CODES } from './modules/proposals/errors';
import { ROUNDS_ERROR_CODES } from './modules/rounds/errors';
import { SCORING_ERROR_CODES } from './modules/scoring/errors';
import { UNITS_ERROR_CODES } from './modules/units/errors';

/** Every error code the API returns, sorted: published in OpenAPI as the `ErrorCode` enum. */
export const ERROR_CODES: readonly ErrorCode[] = [...new Set<ErrorCode>([
  ...COMMON_ERROR_CODES,
  ...ACCOUNTS_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...AWARDS_ERROR_CODES,
  ...BALLOTS_ERROR_CODES,
  ...BLOCK_YEARS_ERROR_CODES,
  ...BLOCKS_ERROR_CODES,
  ...CONFERENCES_ERROR_CODES,
  ...COVENANTS_ERROR_CODES,
  ...DRAFTS_ERROR_CODES,
  ...IMPORTS_ERROR_CODES,
  ...NEWS_ERROR_CODES,
  ...PROPOSALS_ERROR_CODES,
  ...ROUNDS_ERROR_CODES,
  ...SCORING_ERROR_CODES,
  ...UNITS_ERROR_CODES,
])].sort();
