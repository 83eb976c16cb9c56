import { DEFAULT_POLICY, groupOf, type Group } from '@kezek/domain';
import type pg from 'pg';

export type PositionAnswer = {
  applicationId: string;
  queueKey: string;
  status: string;
  position: number | null;
  queueLength: number;
  aheadByGroup: Record<Group, number>;
};

type Row = { id: string; categories: string[]; privilege_used: boolean };

/**
 * The order of one queue key computed independently of the server: rows read straight from the table, sorted by
 * PostgreSQL (submission instant, then registration sequence, R-ORDER-08), then the literal R-ORDER-03 loop —
 * out of turn first; `need` general ones, then one first-priority after every N general ones, counting from the
 * queue's g_since_p (R-ORDER-05); when one group runs out the other continues. Only the category → group table
 * comes from the domain (a used privilege counts as general, R-QUEUE-09).
 */
export async function expectedOrder(
  client: pg.Client,
  queueKey: string,
): Promise<{ id: string; group: Group }[]> {
  const [settlement, birthYear, queue] = queueKey.split('/');
  const rows = await client.query<Row>(
    `SELECT id, categories, privilege_used FROM applications
     WHERE settlement_kato = $1 AND birth_year = $2 AND queue = $3 AND status = 'queued'
     ORDER BY submitted_at, registration_seq`,
    [settlement, Number(birthYear), queue],
  );
  const state = await client.query<{ g_since_p: number }>(
    'SELECT g_since_p FROM queue_state WHERE queue_key = $1',
    [queueKey],
  );
  const gSinceP = state.rows[0]?.g_since_p ?? 0;
  const byGroup: Record<Group, { id: string; group: Group }[]> = { O: [], P: [], G: [] };
  for (const row of rows.rows) {
    const category = groupOf(row.categories);
    const group: Group = category === 'P' && row.privilege_used ? 'G' : category;
    byGroup[group].push({ id: row.id, group });
  }
  const n = DEFAULT_POLICY.generalPerPriority;
  const order = [...byGroup.O];
  const general = byGroup.G.values();
  const priority = byGroup.P.values();
  let generalLeft = byGroup.G.length;
  let priorityLeft = byGroup.P.length;
  let need = DEFAULT_POLICY.interleave === 'stateless' ? n : Math.min(n, Math.max(0, n - gSinceP));
  while (generalLeft + priorityLeft > 0) {
    if (need > 0 && generalLeft > 0) {
      order.push(general.next().value as { id: string; group: Group });
      generalLeft -= 1;
      need -= 1;
    } else if (priorityLeft > 0) {
      order.push(priority.next().value as { id: string; group: Group });
      priorityLeft -= 1;
      need = n;
    } else {
      need = Number.POSITIVE_INFINITY;
    }
  }
  return order;
}

/** Compares the API's answer with the independent order; returns the differences (empty when they agree). */
export function compare(answer: PositionAnswer, order: readonly { id: string; group: Group }[]): string[] {
  const index = order.findIndex((member) => member.id === answer.applicationId);
  const ahead: Record<Group, number> = { O: 0, P: 0, G: 0 };
  for (const member of order.slice(0, Math.max(0, index))) ahead[member.group] += 1;
  const expected = { position: index + 1, queueLength: order.length, aheadByGroup: ahead };
  const agrees =
    answer.position === expected.position &&
    answer.queueLength === expected.queueLength &&
    (['O', 'P', 'G'] as const).every((group) => answer.aheadByGroup[group] === ahead[group]);
  const got = {
    position: answer.position,
    queueLength: answer.queueLength,
    aheadByGroup: answer.aheadByGroup,
  };
  return agrees
    ? []
    : [
        `${answer.applicationId} in ${answer.queueKey}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`,
      ];
}
