import { render, screen } from '@testing-library/react';
import { theme as kitTheme } from 'antd';
import { I18nProvider } from '@/i18n/i18n';
import { KitProvider } from './kit-provider';

/** Shows the motion setting the kit's components read. */
function Motion() {
  const { token } = kitTheme.useToken();
  return <output aria-label="motion">{String(token.motion)}</output>;
}

const original = window.matchMedia;
afterEach(() => { window.matchMedia = original; });

/** Renders the kit as in a browser whose "reduce motion" setting is `reduce`. */
function renderWith(reduce: boolean) {
  window.matchMedia = (query: string) => ({ ...original(query), matches: reduce && query === '(prefers-reduced-motion: reduce)', media: query });
  render(<I18nProvider><KitProvider><Motion /></KitProvider></I18nProvider>);
}

describe('the kit honours "reduce motion"', () => {
  it('switches the animations off when the reader asked the system to reduce motion', () => {
    renderWith(true);
    expect(screen.getByRole('status', { name: 'motion' })).toHaveTextContent('false');
  });

  it('keeps them otherwise', () => {
    renderWith(false);
    expect(screen.getByRole('status', { name: 'motion' })).toHaveTextContent('true');
  });
});
