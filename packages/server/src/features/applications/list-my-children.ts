import type { ChildrenList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { IndividualsPort } from '../../ports/individuals-port';
import { requireApplicant } from '../auth/authorize';

/**
 * R-ELIG-11: the children the individuals database records for the signed-in applicant. The apply form offers
 * these, so a parent picks a child rather than typing an IIN the relationship check would refuse.
 */
export async function listMyChildren(
  deps: { individuals: IndividualsPort },
  actor: Actor,
): Promise<ChildrenList> {
  const { iin } = requireApplicant(actor);
  const children = await deps.individuals.childrenOf(iin);
  if (!children.ok)
    throw new AppError('UNAVAILABLE', 'The individuals database did not answer properly; try again later');
  return {
    items: children.value.map((child) => ({
      iin: child.iin,
      fullName: [child.surname, child.givenName, child.patronymic].filter((part) => part !== null).join(' '),
      birthDate: child.birthDate,
    })),
  };
}
