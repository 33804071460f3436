/**
 * Error codes every module may return: the error filter's (HTTP status, parser and database errors) and the
 * shared helpers' (validation, optimistic concurrency, uploads). Each module adds its own in `modules/<m>/errors.ts`
 * by merging into {@link ErrorCodeRegistry}; `src/error-codes.ts` collects them all for OpenAPI (`ErrorCode`).
 */
export const COMMON_ERROR_CODES = [
  'bad_encoding', 'bad_file_type', 'bad_request', 'bad_value', 'concurrent_update', 'conflict',
  'constraint_violated', 'database_unavailable', 'duplicate', 'forbidden', 'http_error', 'internal_error',
  'malformed_json', 'method_not_allowed', 'not_found', 'payload_too_large', 'reference_conflict', 'request_aborted',
  'service_unavailable', 'stale_version', 'too_many_requests', 'unauthenticated', 'unsafe_archive',
  'unsupported_charset', 'unsupported_encoding', 'unsupported_media_type', 'validation_failed',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/** Every code the API may return, as keys: each module's `errors.ts` merges its own codes in. */
export interface ErrorCodeRegistry extends Record<CommonErrorCode, true> {}

/** A stable error code of the API (`{ statusCode, code, message, fields? }`). */
export type ErrorCode = keyof ErrorCodeRegistry & string;
