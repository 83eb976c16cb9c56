type Route = { method: string; path: string };

function toRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The methods other routes accept at this path — the Allow header of a 405 — or none when the path is unknown. */
export function allowedMethods(routes: readonly Route[], path: string): string[] {
  const methods = routes
    .filter((route) => route.method !== 'ALL' && !route.path.includes('*') && toRegExp(route.path).test(path))
    .map((route) => route.method);
  return [...new Set(methods)].sort();
}
