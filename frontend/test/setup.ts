import '@testing-library/jest-dom';

// Route-level tests load the shell and the UI kit on first use; give them room.
jest.setTimeout(30_000);

// The route table has no HydrateFallback yet, so react-router warns on every lazy first render
// (the browser console shows it too; reported to the owner of router.tsx). Keep test output readable.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('No `HydrateFallback` element provided')) return;
  warn(...args);
};
