import type { ApplicationView } from '@kezek/contracts';

/** R-ORDER-07: categories change while the application is pending, queued or stopped. */
export const CATEGORY_CHANGEABLE: readonly ApplicationView['status'][] = ['pending', 'queued', 'stopped'];

/** What the applicant wants now: the confirmed categories and the ones still pending. */
export const wantedCategories = (
  application: Pick<ApplicationView, 'categories' | 'pendingCategories'>,
): string[] => [
  ...application.categories,
  ...application.pendingCategories.filter((code) => !application.categories.includes(code)),
];

/** Whether `chosen` differs from what the application already has (order does not matter). */
export const categoriesChanged = (
  application: Pick<ApplicationView, 'categories' | 'pendingCategories'>,
  chosen: readonly string[],
): boolean => {
  const wanted = new Set(wantedCategories(application));
  const next = new Set(chosen);
  return wanted.size !== next.size || [...next].some((code) => !wanted.has(code));
};
