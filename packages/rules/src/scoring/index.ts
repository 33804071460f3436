/** Pure scoring rules (docs/domain.md §4): no NestJS or TypeORM, safe to use from services, scripts and the bench. */
export * from './round';
export * from './scheme';
export * from './criterion-score';
export * from './target-formula';
export * from './ranking';
export * from './final-score';
export * from './lowered';
export * from './assignment';
