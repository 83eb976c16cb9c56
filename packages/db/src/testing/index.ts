export { openTestDb } from './test-db';
