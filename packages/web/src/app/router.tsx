import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';

/** A minimal history-API router: the URL is the state, components subscribe to it. */
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((listener) => listener());

const subscribe = (listener: () => void): (() => void) => {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
};

const snapshot = (): string => window.location.pathname + window.location.search;

export type Location = { pathname: string; search: string };

export const useLocation = (): Location => {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://local');
  return { pathname: url.pathname, search: url.search };
};

export const navigate = (to: string, options: { replace?: boolean } = {}): void => {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
};

const isPlainLeftClick = (event: MouseEvent<HTMLAnchorElement>): boolean =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** A real `<a href>` (works without JS, opens in a new tab) that navigates in place on a plain click. */
export const Link = ({ to, onClick, target, ...rest }: LinkProps) => (
  <a
    {...rest}
    href={to}
    target={target}
    onClick={(event) => {
      onClick?.(event);
      if (event.defaultPrevented || !isPlainLeftClick(event) || (target && target !== '_self')) return;
      event.preventDefault();
      navigate(to);
    }}
  />
);

/**
 * Matches `/my/applications/:id` against a path; returns the named segments, or undefined when it does not
 * match. Segments are decoded; an empty segment never matches a parameter.
 */
export const matchPath = (pattern: string, pathname: string): Record<string, string> | undefined => {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
};
