import type { NewsStatus } from './api/news';

/** A news item's status tag colour, on the list and on the item's page (its own file so the item page does not load the list's table). */
export const NEWS_STATUS_COLORS: Record<NewsStatus, string> = { draft: 'default', submitted: 'orange', returned: 'red', published: 'green' };
