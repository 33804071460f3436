import { blockYearPageQueryOptions } from '@/api/block-years';

export const DASHBOARD_PAGE_SIZE = 20;

/** The dashboard's first list page: the route's loader starts it while the page's code is still loading. */
export const dashboardFirstPageQuery = () => blockYearPageQueryOptions({ page: 1, pageSize: DASHBOARD_PAGE_SIZE });
