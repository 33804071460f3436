import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Route-level tests load the shell and the UI kit on first use; give them room.
jest.setTimeout(30_000);
// `findBy…`/`waitFor` wait for what must appear; on a loaded machine a lazy route can take more than the default 1 s.
// Only a failing test waits longer: a passing one returns as soon as the element is there.
configure({ asyncUtilTimeout: 5_000 });

// The route table has no HydrateFallback yet, so react-router warns on every lazy first render
// (the browser console shows it too; reported to the owner of router.tsx). Keep test output readable.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('No `HydrateFallback` element provided')) return;
  warn(...args);
};
