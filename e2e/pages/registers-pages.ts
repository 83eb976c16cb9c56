import { request, type Locator, type Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The public registers' pages: bulletins, queue, fairness, registers and receipt verification. */
export class RegistersPages extends AppShell {
  readonly resultsStatus: Locator;
  readonly rows: Locator;
  readonly pageStatus: Locator;
  readonly error: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    super(page);
    this.resultsStatus = this.main.locator('.results-status');
    this.rows = this.main.locator('table.registers-stack tbody tr');
    this.pageStatus = this.main.getByTestId('page-status');
    this.error = this.main.locator('.status-error');
    this.empty = this.main.locator('.status-empty');
  }

  /** Waits until a list has loaded (or failed): no request in flight. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const status = document.querySelector('main .results-status');
      return status !== null && ['ready', 'error'].includes(status.getAttribute('data-state') ?? '');
    });
  }

  /** Cells of one column (by its data-label) of the list's rows. */
  column(label: string): Promise<string[]> {
    return this.rows
      .locator(`td[data-label="${label}"]`)
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** The verification verdict once shown: verified, failed or pending. */
  async verdict(): Promise<string> {
    const verdict = this.main.locator('[data-verdict]');
    await verdict.waitFor();
    return (await verdict.getAttribute('data-verdict')) ?? '';
  }

  /** Each step's result in order, as `step:result`. */
  steps(): Promise<string[]> {
    return this.main
      .locator('.registers-steps li')
      .evaluateAll((items) =>
        items.map((item) => `${item.getAttribute('data-step')}:${item.getAttribute('data-result')}`),
      );
  }

  /** Pastes a receipt (or QR text or hash) and runs the verification; waits for its outcome. */
  async verify(text: string, log?: string): Promise<void> {
    await this.main.locator('textarea[name="receipt"]').fill(text);
    if (log !== undefined) await this.main.locator('select[name="log"]').selectOption(log);
    await this.main.locator('form button[type="submit"]').click();
    await this.page.waitForFunction(() => {
      const state = document.querySelector('main .registers-result')?.getAttribute('data-state');
      return state !== 'working' && state !== 'idle';
    });
  }
}

type Json = Record<string, unknown>;

/**
 * Signs a tree head of every register now, as the regional administrator would (POST /api/ledger/heads), so the
 * leaves sequenced so far are covered and their receipts carry an inclusion proof. Returns the signed heads.
 */
export const signHeadsNow = async (
  baseUrl: string,
): Promise<{ log: string; head: { treeSize: number; rootHash: string } }[]> => {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    const login = await api.post('/api/auth/staff/login', {
      data: { login: 'admin.almaty', password: 'kezek-demo-2026' },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const response = await api.post('/api/ledger/heads', {
      data: {},
      headers: { 'x-csrf-token': csrfToken },
    });
    if (response.status() !== 200) throw new Error(`signing heads: HTTP ${response.status()}`);
    return (
      (await response.json()) as { heads: { log: string; head: { treeSize: number; rootHash: string } }[] }
    ).heads;
  } finally {
    await api.dispose();
  }
};

/** A real receipt of the register `log`: the first leaf's, after the heads were signed. */
export const realReceipt = async (page: Page, log: string): Promise<Json> => {
  const leaves = (await (await page.request.get(`/api/ledger/${log}/leaves?start=0&limit=1`)).json()) as {
    leaves: { leafHash: string }[];
  };
  const leafHash = leaves.leaves[0]?.leafHash;
  if (leafHash === undefined) throw new Error(`the ${log} register has no leaves`);
  return (await (await page.request.get(`/api/ledger/${log}/receipts/${leafHash}`)).json()) as Json;
};
