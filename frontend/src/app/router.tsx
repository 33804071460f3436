import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { meQueryOptions } from '@/api/me';
import { dashboardFirstPageQuery } from '@/app/dashboard/dashboard-query';
import { RouteError } from './route-error';
import { RouteLoading } from './route-loading';
import { paths } from '@/lib/paths';

/**
 * Every route is lazy: the sign-in page ships without the UI kit; the shell and pages load on demand. Loaders start
 * the first requests (who is signed in, the dashboard's list) while that code loads, instead of after it renders.
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  { path: paths.signIn.path, lazy: () => import('@/features/auth/sign-in-page'), errorElement: <RouteError />, HydrateFallback: RouteLoading },
  {
    path: '/',
    lazy: () => import('./app-layout'),
    loader: () => { void queryClient.prefetchQuery(meQueryOptions()); return null; },
    errorElement: <RouteError />,
    HydrateFallback: RouteLoading,
    children: [
      {
        index: true,
        lazy: () => import('@/app/dashboard/dashboard-page'),
        loader: () => { void queryClient.prefetchQuery(dashboardFirstPageQuery()); return null; },
      },
      { path: paths.blocks.path, lazy: () => import('@/features/blocks/blocks-page') },
      { path: paths.block.path, lazy: () => import('@/features/blocks/block-page') },
      { path: paths.units.path, lazy: () => import('@/features/units/units-page') },
      { path: paths.accounts.path, lazy: () => import('@/features/accounts/accounts-page') },
      { path: paths.blockYears.path, lazy: () => import('@/features/block-years/block-years-page') },
      { path: paths.blockYear.path, lazy: () => import('@/features/block-years/block-year-page') },
      { path: paths.plan.path, lazy: () => import('@/features/drafts/plan-page') },
      { path: paths.rules.path, lazy: () => import('@/features/drafts/rules-page') },
      { path: paths.conferences.path, lazy: () => import('@/features/conferences/conferences-page') },
      { path: paths.conference.path, lazy: () => import('@/features/conferences/conference-page') },
      { path: paths.conferenceLive.path, lazy: () => import('@/features/conferences/conference-mode-page') },
      { path: paths.covenant.path, lazy: () => import('@/features/covenants/covenant-page') },
      { path: paths.scheme.path, lazy: () => import('@/features/scoring/scheme-page') },
      { path: paths.schemeEditor.path, lazy: () => import('@/features/scoring/scheme-editor-page') },
      { path: paths.rounds.path, lazy: () => import('@/features/rounds/rounds-page') },
      { path: paths.round.path, lazy: () => import('@/features/rounds/round-page') },
      { path: paths.selfAssessment.path, lazy: () => import('@/features/rounds/self-assessment-page') },
      { path: paths.review.path, lazy: () => import('@/features/reviews/review-page') },
      { path: paths.explanation.path, lazy: () => import('@/features/reviews/explanation-page') },
      { path: paths.finalReview.path, lazy: () => import('@/features/reviews/final-page') },
      { path: paths.ranking.path, lazy: () => import('@/features/ranking/ranking-page') },
      { path: paths.awards.path, lazy: () => import('@/features/awards/awards-page') },
      { path: paths.unitAwards.path, lazy: () => import('@/features/awards/unit-awards-page') },
      { path: paths.awardBonuses.path, lazy: () => import('@/features/awards/award-bonuses-page') },
      { path: paths.board.path, lazy: () => import('@/features/awards/board-page') },
      { path: paths.conferenceBallots.path, lazy: () => import('@/features/ballots/conference-ballots-page') },
      { path: paths.ballot.path, lazy: () => import('@/features/ballots/ballot-page') },
      { path: paths.nextYear.path, lazy: () => import('@/features/ballots/next-year-page') },
      { path: paths.proposals.path, lazy: () => import('@/features/proposals/proposals-page') },
      { path: paths.blockYearProposals.path, lazy: () => import('@/features/proposals/block-year-proposals-page') },
      { path: paths.proposal.path, lazy: () => import('@/features/proposals/proposal-page') },
      { path: paths.covenantVerify.path, lazy: () => import('@/features/covenants/verify-page') },
      { path: paths.audit.path, lazy: () => import('@/features/audit/audit-page') },
      { path: paths.import.path, lazy: () => import('@/features/imports/import-page') },
      { path: paths.me.path, lazy: () => import('@/features/auth/me-page') },
      { path: paths.notificationSettings.path, lazy: () => import('@/features/notifications/notification-settings-page') },
      { path: paths.mailOutbox.path, lazy: () => import('@/features/mail/outbox-page') },
      { path: paths.news.path, lazy: () => import('@/features/news/news-page') }, { path: paths.newsItem.path, lazy: () => import('@/features/news/news-item-page') },
      { path: '*', lazy: () => import('./not-found-page') },
    ],
  },
];
