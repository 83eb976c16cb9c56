export * from './errors';
export * from './common';
export * from './health/health.contract';
export * from './public/overview.contract';
export * from './public/kindergartens.contract';
