import type { Area } from '../../app/area';
import { BulletinPage } from './bulletin-page';
import { BulletinsPage } from './bulletins-page';
import { FairnessPage } from './fairness-page';
import { QueuePage } from './queue-page';
import { RegistersPage } from './registers-page';
import { VerifyPage } from './verify-page';

/** The public registers (issue 8): bulletins, the queue, the fairness figures, the verifiable logs. No sign-in. */
export const area: Area = {
  rank: 5,
  nav: [
    { path: '/bulletins', label: 'registers.nav.bulletins', audience: ['everyone'] },
    { path: '/queue', label: 'registers.nav.queue', audience: ['everyone'] },
    { path: '/fairness', label: 'registers.nav.fairness', audience: ['everyone'] },
    { path: '/registers', label: 'registers.nav.registers', audience: ['everyone'] },
  ],
  pages: [
    { pattern: '/bulletins', render: () => <BulletinsPage /> },
    { pattern: '/bulletins/:id', render: ({ id = '' }) => <BulletinPage key={id} id={id} /> },
    { pattern: '/queue', render: () => <QueuePage /> },
    { pattern: '/fairness', render: () => <FairnessPage /> },
    { pattern: '/registers', render: () => <RegistersPage /> },
    { pattern: '/registers/verify', render: () => <VerifyPage /> },
  ],
};
