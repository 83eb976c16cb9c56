export { startServer, type RunningServer } from './server';
export { DEMO_PASSWORD } from './features/demo/seed-demo';
export { parseConfig, CONFIG_DOC, type Config } from './platform/config';
export { createLogger, type Logger } from './platform/logger';
export { composeApp } from './compose';
export { openDatabase, clockFor } from './server';
export { seedDemoData } from './features/demo/seed-demo-data';
