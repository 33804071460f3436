/**
 * Runs a TanStack mutation, then `done` (or `failed`), even when the component that started it is gone by
 * then: a write often removes its own button (a dossier submitted, a ballot closed, a round finalised), and
 * `mutate`'s own callbacks are skipped once their component unmounts. Without `failed`, an error stays on
 * the mutation's state for the page to show.
 */
export function runMutation<V, R>(m: { mutateAsync: (vars: V) => Promise<R> }, vars: V, done: (result: R) => void, failed?: (error: Error) => void): void {
  m.mutateAsync(vars).then(done, (e: Error) => failed?.(e));
}
