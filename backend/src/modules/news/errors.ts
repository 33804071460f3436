/** The error codes the news module returns besides the common ones (`common/error-codes.ts`). */
export const NEWS_ERROR_CODES = [
  'archived', 'file_too_large', 'incomplete', 'invalid_status', 'not_an_image', 'not_published', 'too_many_photos',
] as const;
export type NewsErrorCode = (typeof NEWS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<NewsErrorCode, true> {}
}
