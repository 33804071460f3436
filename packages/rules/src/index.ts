/**
 * The pure rules the server and the browser share, so both compute the same numbers (domain.md §4–§5):
 * rounding, scheme totals, criterion scores, the target formula, ranking, the rule set, the password policy.
 * Pure: imports nothing from NestJS, TypeORM or React, and runs in Node and in the browser alike.
 */
export * from './scoring';
export * from './rule-set';
export * from './password-policy';
export * from './password-generator';
export * from './account-roles';
